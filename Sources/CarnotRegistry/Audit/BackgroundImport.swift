import Foundation

/// Imports batches of verified entries into `verify`'s replay store on a thread of its own, while the
/// verifying thread goes on reading and proving the chain: on two cores the rules replay (an import, most
/// of a `verify`) and the chain's checks overlap.
///
/// The replay store is used by this thread alone until `finish` or `cancel` returns. At most `inFlight`
/// batches wait, so memory holds a few batches whatever the log. The first batch the rules refuse is the
/// failure; the batches after it are not imported.
final class BackgroundImport: @unchecked Sendable {
    typealias Failure = ChainVerifier.Failure

    private let store: EventStore
    private let inFlight: Int
    /// Filled by the importing thread alone; read once `finish` has returned.
    private(set) var probes: CheckpointProbes
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queued: [[LogFile.Entry]] = []
    private var closed = false
    private var ended = false
    private var failure: Failure?

    /// Starts the importing thread for `store`, which nobody else may use until `finish` or `cancel`; it
    /// reads `probes` as the import passes their positions.
    init(into store: EventStore, inFlight: Int = 2, probes: CheckpointProbes = CheckpointProbes()) {
        self.store = store
        self.inFlight = max(1, inFlight)
        self.probes = probes
        let thread = Thread { [self] in importUntilClosed() }
        thread.name = "carnot verify replay"
        thread.start()
    }

    /// Queues `batch` (the next entries of the log), once fewer than `inFlight` batches wait.
    /// - Throws: the failure of an earlier batch: what follows it need not be read.
    func send(_ batch: [LogFile.Entry]) throws(Failure) {
        condition.lock()
        defer { condition.unlock() }
        while queued.count >= inFlight && failure == nil { condition.wait() }
        if let failure { throw failure }
        queued.append(batch)
        condition.broadcast()
    }

    /// Waits until every batch sent is imported (or one was refused), and ends the thread.
    /// - Returns: the failure, if the rules refused an event.
    func finish() -> Failure? {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !ended { condition.wait() }
        return failure
    }

    /// Drops the batches not yet imported and waits for the thread to end, so that the replay store can be
    /// removed.
    func cancel() {
        condition.lock()
        queued.removeAll()
        condition.unlock()
        _ = finish()
    }

    private func importUntilClosed() {
        while true {
            condition.lock()
            while queued.isEmpty && !closed { condition.wait() }
            if queued.isEmpty {
                ended = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = queued.removeFirst()
            let refused = failure != nil
            condition.unlock()
            let outcome = refused ? nil : importing(batch)
            condition.lock()
            if let outcome { failure = outcome }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Imports `batch`, reading the probes on the way; the first event the rules refuse is the failure.
    private func importing(_ batch: [LogFile.Entry]) -> Failure? {
        var remaining = batch[...]
        do {
            _ = try store.importLog(from: { remaining.popFirst() },
                                    afterEach: probes.isEmpty ? nil : { [self] seq in try probes.read(at: seq, from: store) })
            return nil
        } catch .badLine(let error) {
            return Failure(seq: Int64(error.line), reason: "the registry's rules refuse this event, as `import` would: \(error.message)")
        } catch {
            return Failure(seq: batch.first?.event.seq ?? 0, reason: "the log does not replay: \(error)")
        }
    }
}
