/// One event of an entity's history (`carnot history`), with what became of it.
public struct HistoryEntry: Sendable {
    /// What became of an event as known at the head: the correction that decides it.
    public enum Status: Sendable, Equatable {
        case retractedBy(Int64)
        case correctedBy(Int64)
    }

    public let event: RecordedEvent
    /// Nil when the event stands as recorded.
    public let status: Status?
}
