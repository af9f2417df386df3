/// The record-time cut-off of a query: what the registry knew after a log position, at an instant, or now.
public enum KnownAt: Equatable, Sendable {
    /// Everything recorded so far.
    case everything
    /// The events up to and including this log position.
    case position(Int64)
    /// The events recorded at or before this instant.
    case instant(Timestamp)
}
