import CarnotRegistry

/// The events each label held on a day rests on, with their confidence and who recorded them: what `state`
/// prints below its tables, so that a reader sees how sure each label is without running `explain`.
enum LabelProvenance {
    /// The types read: the events that make or stretch a term, and the corrections that may replace them.
    static let types: Set<String> = ["label.granted", "label.renewed", "label.extended", "event.corrected", "event.retracted"]

    /// One row per event behind each held label (its grant or renewal, then its extensions), or nil when no
    /// institute holds a label on `day`.
    static func table(_ state: RegistryState, at day: Day, events: [RecordedEvent], upto: Int64) -> TextTable? {
        let bySeq = Dictionary(uniqueKeysWithValues: events.map { ($0.seq, $0) })
        let facts = Timeline.facts(of: events, upto: upto, through: day).sorted { $0.seq < $1.seq }
        var table = TextTable("INSTITUTE", "EVENT", "CONFIDENCE", "BY", "RECORDED")
        for institute in state.institutes.values.sorted(by: { $0.id < $1.id }) {
            guard let term = institute.label(on: day) else { continue }
            let start = facts.last { fact in
                switch fact.event {
                case .labelGranted(institute.id, _, term.call, term.from, _, _), .labelRenewed(institute.id, term.call, term.from, _): true
                default: false
                }
            }
            guard let start else { continue }
            let extensions = facts.filter { fact in
                if case .labelExtended(institute.id, _) = fact.event { return fact.seq > start.seq } else { return false }
            }
            for fact in [start] + extensions {
                guard let recorded = bySeq[fact.seq] else { continue }
                let summary = "\(fact.seq): " + EventSummary.describe(fact.event) + (fact.replacing.map { " (replacing \($0))" } ?? "")
                table.add(institute.id.rawValue, summary, recorded.confidence.rawValue, recorded.recordedBy,
                          recorded.recorded.description)
            }
        }
        return table.rows.isEmpty ? nil : table
    }
}
