import Foundation

/// Passes the batches of a replay between its threads: from the one that reads them from SQLite to those
/// that decode them, and on to the one that folds them, in the order they were read.
///
/// The reader waits while `inFlight` batches are read and not yet folded, so memory holds a few batches
/// whatever the size of the log. Closing it (at the end, or when the reader stops on an error) lets the
/// decoding threads end once the queue is empty, and the folding thread once it has folded every batch
/// sent.
final class ReplayChannel: @unchecked Sendable {
    /// What the folding thread hands back: the state, and the bodies it left out, in fold order.
    typealias Folded = (state: RegistryState, undecodable: [(seq: Int64, reason: String)])

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queued: [(number: Int, batch: ReplayBatch)] = []
    private var done: [Int: ReplayBatch.Decoded] = [:]
    /// Batches decoded and emptied, for the reader to fill again.
    private var spare: [ReplayBatch] = []
    /// Arrays of facts folded and emptied, for the decoding threads to fill again.
    private var spareFacts: [[StoredFact]] = []
    private var sent = 0
    private var foldedCount = 0
    private var closed = false
    private var result: Folded?

    /// Queues the next batch for decoding, once fewer than `inFlight` batches are read and not yet folded.
    func send(_ batch: ReplayBatch, inFlight: Int) {
        condition.lock()
        defer { condition.unlock() }
        while sent - foldedCount >= inFlight { condition.wait() }
        queued.append((sent, batch))
        sent += 1
        condition.broadcast()
    }

    /// An empty batch whose storage a decoded one left, if any.
    func reuse() -> ReplayBatch? {
        condition.lock()
        defer { condition.unlock() }
        return spare.popLast()
    }

    /// Says that no batch follows: the decoding threads end once the queue is empty, the folding thread
    /// once it has folded every batch sent.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// A decoding thread's loop: decodes batches until the channel is closed and the queue empty.
    func decodeUntilClosed() {
        while true {
            condition.lock()
            while queued.isEmpty && !closed { condition.wait() }
            if queued.isEmpty {
                condition.unlock()
                return
            }
            var (number, batch) = queued.removeFirst()
            let facts = spareFacts.popLast() ?? []
            condition.unlock()
            let decoded = batch.decoded(into: facts)
            batch.removeAll()
            condition.lock()
            done[number] = decoded
            spare.append(batch)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The folding thread's loop: folds the decoded batches in the order read, then hands back the state.
    func foldUntilClosed() {
        var state = RegistryState()
        var undecodable: [(seq: Int64, reason: String)] = []
        var number = 0
        while true {
            condition.lock()
            while done[number] == nil && !(closed && number >= sent) { condition.wait() }
            guard var decoded = done.removeValue(forKey: number) else {
                result = (state, undecodable)
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()
            // By index, borrowing each fact: a `for fact in` loop copied every one (retaining its texts).
            decoded.facts.withUnsafeBufferPointer { facts in
                for index in facts.indices {
                    state.apply(facts[index].event, on: facts[index].effective, precision: facts[index].precision)
                }
            }
            undecodable += decoded.undecodable
            decoded.facts.removeAll(keepingCapacity: true)
            number += 1
            condition.lock()
            spareFacts.append(decoded.facts)
            foldedCount = number
            condition.broadcast()
            condition.unlock()
        }
    }

    /// What the folding thread made of every batch; call after `close`.
    func folded() -> Folded {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result.take()!
    }
}
