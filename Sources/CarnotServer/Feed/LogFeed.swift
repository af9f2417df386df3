import Foundation
import Synchronization

/// Tells live-feed subscribers that the log grew: each gets the new head position.
///
/// Subscribers read the events themselves from the store (from the position they last sent), so a burst of
/// appends that a slow subscriber sees as one notification loses nothing.
public final class LogFeed: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<Int64>.Continuation]>([:])

    init() {}

    /// A stream of head positions, from now on, until the caller stops iterating.
    public func subscribe() -> AsyncStream<Int64> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int64>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in self?.subscribers.withLock { $0[id] = nil } }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    func publish(_ head: Int64) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(head) }
    }

    /// Ends every subscription (server shutdown).
    public func finish() {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.finish() }
    }
}
