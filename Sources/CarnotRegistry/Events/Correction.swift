/// The event a correction puts in place of the one it corrects, with its own valid-time date.
public struct Correction: Equatable, Sendable {
    public var event: Event
    public var effective: Day
    public var precision: DatePrecision

    public init(event: Event, effective: Day, precision: DatePrecision) {
        self.event = event
        self.effective = effective
        self.precision = precision
    }
}
