/// The outcome of `carnot audit`: the chain, then one verdict per snapshot.
public struct AuditReport: Sendable {
    public struct Verdict: Sendable {
        public let file: String
        public let at: Day
        public let head: LogHead
        /// Empty when the snapshot matches the replay.
        public let differences: [JSONDiff.Difference]
        /// Set when the snapshot could not be checked at all (unreadable, head not in the log).
        public let problem: String?

        public var matches: Bool { differences.isEmpty && problem == nil }
    }

    public let eventsReplayed: Int
    public let head: LogHead
    public let verdicts: [Verdict]
    /// What else was checked and holds (the signed checkpoint, the store's derived data).
    public var confirmations: [String] = []
    /// What else was checked and does not hold.
    public var problems: [String] = []

    public var passed: Bool { verdicts.allSatisfy(\.matches) && problems.isEmpty }
}
