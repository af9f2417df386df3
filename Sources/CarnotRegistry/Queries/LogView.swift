/// The log in memory with the state at the end of valid time kept up to date as events arrive.
///
/// Most decisions take effect on or after every fact already recorded; for them the state on their day is
/// exactly `current`, maintained by applying each event once, so validating an append or an import does not
/// refold the log. A back-dated event or a correction changes the order of facts, so it refolds (`Timeline`).
public struct LogView: Sendable {
    /// Every event, sorted by `seq`.
    public private(set) var events: [RecordedEvent] = []
    /// The state after every fact, whatever its day.
    public private(set) var current = RegistryState()
    /// The latest effective day among the facts, nil for an empty log.
    public private(set) var latestEffective: Day?

    public init() {}

    public init(events: [RecordedEvent]) {
        for event in events { append(event) }
    }

    /// The log's last position (0 when empty).
    public var head: Int64 { events.last?.seq ?? 0 }

    /// Adds the next event of the log.
    public mutating func append(_ recorded: RecordedEvent) {
        events.append(recorded)
        if recorded.event.isCorrection || latestEffective.map({ recorded.effective < $0 }) == true {
            refold()
        } else {
            current.apply(recorded.event, on: recorded.effective, precision: recorded.precision)
            latestEffective = recorded.effective
        }
    }

    /// The state on `day`, as everything in the log knows it.
    public func state(at day: Day) -> RegistryState {
        if let latestEffective, day < latestEffective { return Timeline.state(of: events, at: day) }
        return current
    }

    private mutating func refold() {
        let facts = Timeline.facts(of: events)
        var state = RegistryState()
        for fact in facts { state.apply(fact.event, on: fact.effective, precision: fact.precision) }
        current = state
        latestEffective = facts.last?.effective
    }
}
