import Foundation

/// Passes the rows of a history walk from the thread that reads them from SQLite to the one that decodes
/// them and hands them to the caller (`EventStore.forEachHistoryEntry`), in the order read.
///
/// The reader waits while `inFlight` runs are sent and not yet taken, so memory holds a few runs however long
/// the history. The taker can stop the reader early (its caller threw); the reader says when it is done, with
/// how many positions found no event or the error that stopped it, and the taker waits for that before it
/// touches the connection again.
final class HistoryChannel: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queued: [HistoryRows] = []
    private var stopped = false
    private var outcome: Result<Int64, any Error>?

    /// True once the taker has stopped: the reader should stop reading.
    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// Queues a run for the taker once fewer than `inFlight` are waiting; false when the taker has stopped.
    func send(_ rows: HistoryRows, inFlight: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queued.count >= inFlight && !stopped { condition.wait() }
        guard !stopped else { return false }
        queued.append(rows)
        condition.broadcast()
        return true
    }

    /// The reader is done: every run is sent, or `outcome` is the error that stopped it.
    func finish(_ outcome: Result<Int64, any Error>) {
        condition.lock()
        self.outcome = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// The next run in the order sent, or nil once the reader is done and every run taken.
    func receive() -> HistoryRows? {
        condition.lock()
        defer { condition.unlock() }
        while queued.isEmpty && outcome == nil { condition.wait() }
        guard !queued.isEmpty else { return nil }
        let rows = queued.removeFirst()
        condition.broadcast()
        return rows
    }

    /// Tells the reader to stop: no more runs are wanted.
    func stop() {
        condition.lock()
        stopped = true
        queued.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the reader is done, and returns how it ended.
    func outcomeOfReader() -> Result<Int64, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }
}
