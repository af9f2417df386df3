extension Completeness {
    /// How complete an answer about one day is: for each call whose results stand on that day, the counts
    /// published beside the institutes the registry names with a term of that call.
    public struct DayLine: Equatable, Sendable {
        public let row: Row
        /// Named with a full label, on probation, and as tremplins: the same split as the published counts.
        public var namedLabelled: Int { row.namedLabelled.count }
        public var namedProbation: Int { row.namedProbation.count }
        public var namedTremplins: Int { row.namedTremplins.count }

        /// "Carnot 4 (results 2020-02-07): 37 labelled + 2 on probation published; 24 + 1 named (25 of 39)".
        public var sentence: String {
            let results = row.announced.map { "results \($0)" } ?? "results not published"
            guard let counts = row.published else {
                return "\(row.name) (\(results)): no counts published; \(namedLabelled + namedProbation + namedTremplins) named"
            }
            var published = ["\(counts.labelled) labelled"], named = ["\(namedLabelled)"]
            if let probation = counts.probation {
                published.append("\(probation) on probation")
                named.append("\(namedProbation)")
            }
            if let tremplins = counts.tremplins {
                published.append("\(tremplins) tremplins")
                named.append("\(namedTremplins)")
            }
            let total = counts.labelled + (counts.probation ?? 0) + (counts.tremplins ?? 0)
            let namedTotal = namedLabelled + (counts.probation == nil ? 0 : namedProbation)
                + (counts.tremplins == nil ? 0 : namedTremplins)
            return "\(row.name) (\(results)): \(published.joined(separator: " + ")) published; "
                + "\(named.joined(separator: " + ")) named (\(namedTotal) of \(total))"
        }
    }

    /// The calls whose results stand on `day`: the latest results announced on or before it, and any earlier
    /// results whose terms some institute still holds that day (the first wave's two calls, 2007-2011).
    /// Empty before the first results.
    public static func lines(_ state: RegistryState, on day: Day) -> [DayLine] {
        let announced = rows(state).filter { ($0.announced?.day).map { $0 <= day } ?? false }
        guard let latest = announced.max(by: { ($0.announced!.day, $0.call) < ($1.announced!.day, $1.call) }) else { return [] }
        let holding = Set(state.institutes.values.compactMap { $0.label(on: day)?.call })
        return announced.filter { $0.call == latest.call || holding.contains($0.call) }
            .sorted { ($0.announced!.day, $0.call) < ($1.announced!.day, $1.call) }
            .map(DayLine.init)
    }
}
