import Foundation

/// Passes values from one producing thread to one consuming thread, in the order sent, with at most
/// `capacity` sent and not yet received: memory holds a few values however many pass.
///
/// The producer ends by `finish`ing with an outcome (how it ended: an error, a count); the consumer receives
/// until nil, then reads that outcome. The consumer can `stop` the producer early: what is queued is dropped
/// and every later `send` returns false, so the producer stops and finishes.
///
/// Used by a log read ahead of its import (`LogFile.Prefetcher`) and a history walk read on a second thread
/// (`EventStore.forEachHistoryEntry`).
final class BoundedHandOff<Element, Outcome>: @unchecked Sendable {
    private let capacity: Int
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queued: [Element] = []
    private var stopped = false
    private var outcome: Outcome?

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Queues `element` once fewer than `capacity` are waiting; false, and nothing queued, when the consumer
    /// has stopped.
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queued.count >= capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        queued.append(element)
        condition.broadcast()
        return true
    }

    /// The producer is done, and `outcome` says how it ended: nothing is sent after.
    func finish(_ outcome: Outcome) {
        condition.lock()
        self.outcome = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// The next value in the order sent, waiting for it; nil once the producer is done and every value
    /// received.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while queued.isEmpty && outcome == nil { condition.wait() }
        guard !queued.isEmpty else { return nil }
        let element = queued.removeFirst()
        condition.broadcast()
        return element
    }

    /// Tells the producer to stop: no more values are wanted, and those queued are dropped.
    func stop() {
        condition.lock()
        stopped = true
        queued.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the producer is done, and returns how it ended.
    func outcomeOfProducer() -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }
}
