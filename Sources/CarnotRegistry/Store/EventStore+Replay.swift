import Foundation

extension EventStore {
    /// How a full replay splits its work between threads (`replayFold`).
    struct ReplayPlan {
        /// Facts per batch handed to a decoding thread, at most.
        var batchSize = 2_048
        /// Bytes of bodies per batch, about: a batch is sent once it holds this many, so that a log of long
        /// bodies (long notes, mergers of many schools) fills fewer facts a batch, not more memory.
        var batchBytes = 1 << 20
        /// Batches read and not yet folded, at most: what bounds memory (a batch holds its bodies, about
        /// 340 bytes each in the synthetic log, then their facts).
        var inFlight = 8
        /// Decoding threads beside the reading and the folding one: one on two cores (where a second only
        /// adds switching: the three threads already keep both busy), more where there are cores to spare.
        var decoders = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount - 2))

        static let standard = ReplayPlan()
    }

    /// Folds the whole log, as known at `upto`, into the state after every fact: the facts `fold` applies
    /// from the empty state without a range, in the same order, with the same corrections, to the same state.
    ///
    /// One thread did it all, one event after the other: SQLite's read (about 1 µs an event at 1M events,
    /// what the bench's raw scan costs too), decoding the body (`FactDecoder`, about 1.3 µs) and the fold
    /// (about 0.5 µs). Decoding needs nothing but the bytes, and the fold nothing but the decoded facts, so
    /// the three run side by side: this thread reads the rows exactly as `fold` does and copies the bodies
    /// of the facts it keeps into batches; `plan.decoders` threads decode the batches; one thread folds them
    /// in the order read (`ReplayChannel`). The standing replacements are read and decoded here (a few
    /// percent of a log) and put into the batches at their turn, so the batches carry the fold's order
    /// whole. Memory holds at most `plan.inFlight` batches whatever the log.
    ///
    /// On two cores the three threads share them, so the pace is the sum of their CPU time more than the
    /// slowest of them. `carnot-bench replay-stages` times the three apart on one thread: at 1M events,
    /// on a shared machine, the read 0.7-0.9 µs an event (the raw scan 0.5-0.6), the decoding 1.05 µs
    /// before `FactDecoder.canonicalFact` and about 0.7 µs with it, the fold 0.4 µs before it changed
    /// records in place and about 0.3 µs after. The read, SQLite's own work and the kernel's copies of its
    /// pages (`pread`), is now the largest of the three.
    ///
    /// The read stays `fold`'s (bodies looked up in (effective, seq) order): reading them in one scan by
    /// position and reordering them in memory was measured not to pay. At 1M events, in C against SQLite,
    /// the scan by position took 0.36-0.55 s and the order from the index alone 0.17-0.19 s, against
    /// 0.50-0.71 s for this read, since a log's positions mostly follow its days and the lookups walk the
    /// table's pages nearly in order.
    ///
    /// A body that does not decode is left out and reported (`leaveOut`), as `fold` does, in the same order.
    func replayFold(upto: Int64, corrections: CorrectionIndex, plan: ReplayPlan = .standard) throws -> RegistryState {
        var replacements = corrections.standingReplacements(after: nil, through: .latest, upto: upto)[...]
        let channel = ReplayChannel()
        for _ in 0..<max(1, plan.decoders) {
            Thread { channel.decodeUntilClosed() }.start()
        }
        Thread { channel.foldUntilClosed() }.start()
        var closed = false
        defer { if !closed { channel.close() } }

        var batch = ReplayBatch(capacity: plan.batchSize)
        func send() {
            guard batch.count > 0 else { return }
            channel.send(batch, inFlight: max(1, plan.inFlight))
            batch = channel.reuse() ?? ReplayBatch(capacity: plan.batchSize)
        }
        /// Puts into the batch the replacements that come before `bound` in fold order.
        func addReplacements(before bound: (Day, Int64)?) throws {
            while let next = replacements.first, bound.map({ (next.day!, next.seq) < $0 }) ?? true {
                replacements.removeFirst()
                guard case .eventCorrected(_, _, let replacement)? = try fact(at: next.seq)?.event else { continue }
                batch.append(ready: StoredFact(event: replacement.event, effective: replacement.effective,
                                                              precision: replacement.precision))
                if batch.count >= plan.batchSize { send() }
            }
        }

        let statement = try connection.statement("""
            SELECT seq, effective, body FROM events
            WHERE effective > ?1 AND effective <= ?2 AND seq <= ?3 ORDER BY effective, seq
            """)
        try statement.query([.integer(.min), .integer(.max), .integer(upto)]) { row in
            let seq = row.integer(0)
            if corrections.mentions(seq) && (corrections.isCorrection(seq) || corrections.deciding(seq, upto: upto) != nil) {
                return true
            }
            if !replacements.isEmpty { try addReplacements(before: (Day(ordinal: Int32(row.integer(1))), seq)) }
            row.withBytes(2) { body in batch.append(seq: seq, body: body) }
            if batch.count >= plan.batchSize || batch.byteCount >= plan.batchBytes { send() }
            return true
        }
        try addReplacements(before: nil)
        send()
        channel.close()
        closed = true
        let folded = channel.folded()
        for (seq, reason) in folded.undecodable { leaveOut(seq: seq, reason: reason) }
        return folded.state
    }
}
