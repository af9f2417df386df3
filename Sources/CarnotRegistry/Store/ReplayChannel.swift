import Foundation

/// Hands the batches of a replay from the thread that reads them from SQLite (and folds) to the threads
/// that decode them, and the decoded batches back, in the order they were read.
///
/// The reader counts what it sent and took back, and takes a decoded batch only when one is in flight, so
/// it never waits for nothing; it bounds the batches in flight (`EventStore.replayFold`), so memory holds a
/// few batches whatever the size of the log. Closing it lets the decoding threads end once the queue is
/// empty, also when the reader stops on an error.
final class ReplayChannel: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queued: [(number: Int, batch: ReplayBatch)] = []
    private var done: [Int: [ReplayBatch.Decoded]] = [:]
    private var closed = false

    /// Queues batch `number` (numbered from 0, in the order read) for decoding.
    func send(_ batch: ReplayBatch, number: Int) {
        condition.lock()
        queued.append((number, batch))
        condition.broadcast()
        condition.unlock()
    }

    /// Lets the decoding threads end when the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The decoding thread's loop: decodes batches until the channel is closed and empty.
    func decodeUntilClosed() {
        while true {
            condition.lock()
            while queued.isEmpty && !closed { condition.wait() }
            if queued.isEmpty {
                condition.unlock()
                return
            }
            let (number, batch) = queued.removeFirst()
            condition.unlock()
            let decoded = batch.decoded()
            condition.lock()
            done[number] = decoded
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Batch `number` decoded, waiting for it; the caller must have sent it.
    func take(_ number: Int) -> [ReplayBatch.Decoded] {
        condition.lock()
        defer { condition.unlock() }
        while done[number] == nil { condition.wait() }
        return done.removeValue(forKey: number)!
    }
}
