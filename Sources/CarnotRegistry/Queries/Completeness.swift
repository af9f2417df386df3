/// How complete the registry is, call by call: the counts the results published beside the institutes the
/// registry names, so a reader sees at once what the record lacks ("Carnot 1: 20 labelled, 4 named").
public enum Completeness {
    public struct Row: Equatable, Sendable {
        public let call: EntityID
        public let name: String
        public let announced: PartialDate?
        public let published: CallCounts?
        /// Institutes the registry names with a full label of this call (granted or renewed in it).
        public let namedLabelled: [EntityID]
        /// Of them, those renewed in this call.
        public let namedRenewed: [EntityID]
        public let namedTremplins: [EntityID]
        public let namedProbation: [EntityID]
        public let namedNotRenewed: [EntityID]
    }

    /// One row per call, in the order the calls opened, from `state` (the state at the end of time).
    public static func rows(_ state: RegistryState) -> [Row] {
        state.calls.values.sorted { ($0.opened, $0.id) < ($1.opened, $1.id) }.map { call in
            var labelled: [EntityID] = [], renewed: [EntityID] = [], tremplins: [EntityID] = [], probation: [EntityID] = []
            var notRenewed: [EntityID] = []
            for institute in state.institutes.values.sorted(by: { $0.id < $1.id }) {
                let terms = institute.terms.filter { $0.call == call.id }
                if terms.contains(where: { $0.kind == .tremplin }) { tremplins.append(institute.id) }
                if terms.contains(where: { $0.kind == .carnot && $0.probation }) { probation.append(institute.id) }
                if terms.contains(where: { $0.kind == .carnot && !$0.probation }) { labelled.append(institute.id) }
                if terms.contains(where: { $0.renewal }) { renewed.append(institute.id) }
                if institute.notRenewedIn.contains(call.id) { notRenewed.append(institute.id) }
            }
            return Row(call: call.id, name: call.name, announced: call.announced, published: call.results,
                       namedLabelled: labelled, namedRenewed: renewed, namedTremplins: tremplins,
                       namedProbation: probation, namedNotRenewed: notRenewed)
        }
    }
}
