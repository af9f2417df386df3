/// What a replay needs from one stored event: the fact and the valid-time date it takes effect on.
///
/// The rest of a recorded event (its position, id, record time, source, confidence, note and chain) is not
/// needed to fold the log into state; `FactDecoder` checks it but does not build it.
public struct StoredFact: Equatable, Sendable {
    /// The event, upcast to the current model (a `person.registered` of schema 1 has no `alsoKnownAs`).
    public var event: Event
    /// The day the fact takes effect.
    public var effective: Day
    /// How precisely `effective` is known.
    public var precision: DatePrecision

    public init(event: Event, effective: Day, precision: DatePrecision) {
        self.event = event
        self.effective = effective
        self.precision = precision
    }
}
