/// An event in the log: its draft plus what the store assigned at append (position, record time, chain).
public struct RecordedEvent: Equatable, Sendable {
    /// The gapless global position, from 1.
    public let seq: Int64
    public let id: String
    /// The schema version the payload was recorded in (see `EventSchema.versions`).
    public let schema: Int
    public let event: Event
    public let effective: Day
    public let precision: DatePrecision
    /// Record time, assigned at append and never decreasing along `seq`.
    public let recorded: Timestamp
    public let source: String
    public let recordedBy: String
    public let confidence: Confidence
    public let note: String?
    /// The hash of the previous event (64 zeros for the first).
    public let prev: String
    /// SHA-256 over `prev` and the canonical JSON of this event without `prev` and `hash`.
    public let hash: String

    public init(seq: Int64, id: String, schema: Int? = nil, event: Event, effective: Day,
                precision: DatePrecision, recorded: Timestamp, source: String, recordedBy: String,
                confidence: Confidence, note: String?, prev: String, hash: String) {
        self.seq = seq
        self.id = id
        self.schema = schema ?? EventSchema.version(of: event.typeName)
        self.event = event
        self.effective = effective
        self.precision = precision
        self.recorded = recorded
        self.source = source
        self.recordedBy = recordedBy
        self.confidence = confidence
        self.note = note
        self.prev = prev
        self.hash = hash
    }

    /// The effective date as written, to its precision.
    public var effectiveDate: PartialDate { PartialDate(day: effective, precision: precision) }
}
