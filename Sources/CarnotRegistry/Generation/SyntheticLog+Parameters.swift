extension SyntheticLog {
    /// What to generate: how many events, about how many institutes, from which seed.
    public struct Parameters: Equatable, Sendable {
        /// The number of events in the log (at least 1 for a non-empty log).
        public var events: Int
        /// About how many institutes the world holds; schools are about twice and people three times as
        /// many, consortia a tenth (at least 3).
        public var institutes: Int
        public var seed: UInt64
        /// The share of events effective 1 to 30 days before the latest effective day already written.
        public var backDatedShare = 0.02
        /// The share of `event.corrected` events.
        public var correctedShare = 0.01
        /// The share of `event.retracted` events.
        public var retractedShare = 0.005
        /// Who recorded the events.
        public var recordedBy = "generator"

        public init(events: Int, institutes: Int, seed: UInt64) {
            self.events = events
            self.institutes = institutes
            self.seed = seed
        }

        /// The source every event cites: `synthetic:seed-S`.
        public var source: String { "synthetic:seed-\(seed)" }

        /// The institutes the world actually holds: `institutes`, unless the log is too short to register
        /// them and still tell their history (about 60 events each).
        public var worldInstitutes: Int { max(1, min(institutes, events / 60)) }
    }
}
