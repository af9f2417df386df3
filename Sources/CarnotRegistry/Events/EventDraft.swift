/// An event as a decision states it, before the store gives it a position: what happened, when it took
/// effect, on what source, who recorded it, and how sure the source is.
public struct EventDraft: Equatable, Sendable {
    /// A UUID; the store generates one when a decision does not give it.
    public var id: String?
    public var event: Event
    /// Valid time: the day the fact takes effect.
    public var effective: Day
    public var precision: DatePrecision
    /// The decision, document or URL the fact rests on.
    public var source: String
    public var recordedBy: String
    public var confidence: Confidence
    /// Free text: why a date was chosen among conflicting sources, what a source leaves out.
    public var note: String?

    public init(_ event: Event, effective: PartialDate, source: String, recordedBy: String = "registry",
                confidence: Confidence = .confirmed, note: String? = nil, id: String? = nil) {
        self.id = id
        self.event = event
        self.effective = effective.day
        self.precision = effective.precision
        self.source = source
        self.recordedBy = recordedBy
        self.confidence = confidence
        self.note = note
    }
}
