/// The event a correction puts in place of the one it corrects, with its own valid-time date.
public struct Correction: Equatable, Sendable {
    public var event: Event
    public var effective: Day
    public var precision: DatePrecision
    /// The schema version the replacement's payload is written in.
    public var schema: Int

    public init(event: Event, effective: Day, precision: DatePrecision, schema: Int? = nil) {
        self.event = event
        self.effective = effective
        self.precision = precision
        self.schema = schema ?? EventSchema.version(of: event.typeName)
    }
}
