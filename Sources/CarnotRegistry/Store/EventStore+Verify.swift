extension EventStore {
    /// Proves every byte a query reads, and names the first disagreement.
    ///
    /// The chain (every event's hash, position and `prev`), the indexed columns of every event (`id`, `type`,
    /// `effective`, `recorded`) against its hashed body, and the body's canonical form. Unless `chainOnly`:
    /// SQLite's own `PRAGMA integrity_check` (the indexes agree with their tables), the layout (tables,
    /// indexes, append-only triggers), every event re-validated under the registry's rules by importing the
    /// log into a fresh store as `import` would, and the derived tables re-derived from the log and compared:
    /// `corrections`, `merkle_nodes`, `idempotency`, and every checkpoint (its checksum, and its state
    /// recomputed at its day and position).
    ///
    /// When `expectedHead` is given, also checks that the log still contains that published head: a
    /// truncated or forked log fails.
    ///
    /// Memory stays bounded whatever the log's length: the events are read one by one, the rules replay
    /// imports in batches into a scratch file, on a thread of its own (`BackgroundImport`), and each derived
    /// table is compared with the replay's in one sequential pass over both (`SortedTableComparison`).
    /// - Parameters:
    ///   - chainOnly: check the chain and the columns only (fast).
    ///   - progress: called with (events checked, events in the log) every 10,000 events.
    ///   - timings: when given, receives the time of each phase (`carnot verify --timings`).
    public func verify(expectedHead: LogHead? = nil, chainOnly: Bool = false,
                       progress: ((Int64, Int64) -> Void)? = nil,
                       timings: VerificationTimings? = nil) throws(StoreError) -> VerificationReport {
        // One read transaction: every table is seen at the same commit, even while another process appends.
        try guarded {
            try connection.transaction(immediate: false) {
                try verifySnapshot(expectedHead: expectedHead, chainOnly: chainOnly, progress: progress, timings: timings ?? VerificationTimings())
            }
        }
    }

    private func verifySnapshot(expectedHead: LogHead?, chainOnly: Bool, progress: ((Int64, Int64) -> Void)?,
                                timings: VerificationTimings) throws -> VerificationReport {
        timings.start()
        let total = try connection.statement("SELECT COALESCE(max(seq), 0) FROM events").first { $0.integer(0) } ?? 0
        if !chainOnly {
            let failure = try integrityFailure()
            timings.lap("SQLite integrity check")
            if let failure { return VerificationReport(verifiedHead: .empty, failure: failure) }
        }
        var verifier = ChainVerifier(provingLines: !chainOnly)
        var replay = chainOnly ? nil : try StoreReplay(checkpointInterval: checkpointInterval, probes: try checkpointProbes(head: total))
        defer { replay?.discard() }
        var failure: ChainVerifier.Failure?
        let statement = try connection.statement(
            "SELECT seq, body, prev, hash, id, type, effective, recorded FROM events ORDER BY seq")
        timings.lap("setup")
        try statement.query { row in
            do {
                let seq = row.integer(0), body = row.bytes(1), prev = row.text(2), hash = row.text(3)
                let columns = (row.text(4), row.text(5), row.integer(6), row.integer(7))
                timings.lap("reading the events")
                let entry = try verifier.decodeChained(seq: seq, body: body, prev: prev, hash: hash)
                let event = entry.event
                timings.lap("chain (hash, decode and canonical form)")
                try ChainVerifier.checkColumns(of: event, columns: columns)
                try verifier.advance(past: event)
                timings.lap("columns")
                if let expectedHead, seq == expectedHead.seq, hash != expectedHead.hash {
                    failure = ChainVerifier.Failure(seq: expectedHead.seq, reason:
                        "the log forks from the published head: hash \(hash.prefix(12))... instead of \(expectedHead.hash.prefix(12))...")
                    return false
                }
                if replay != nil {
                    try replay!.add(entry)
                    timings.lap("rules replay (import into a fresh store)")
                }
                if let progress, seq % 10_000 == 0 { progress(seq, total) }
                return true
            } catch let error as ChainVerifier.Failure {
                failure = error
                return false
            }
        }
        if failure == nil, let expectedHead, verifier.head.seq < expectedHead.seq {
            failure = ChainVerifier.Failure(seq: verifier.head.seq + 1, reason:
                "the log ends at \(verifier.head.seq) but the published head is at \(expectedHead.seq): events were removed from the end")
        }
        if var replay {
            do {
                try replay.flush()
                timings.lap("rules replay (import into a fresh store)")
                if failure == nil { try checkDerivedTables(against: replay, head: verifier.head, timings: timings) }
            } catch let error as ChainVerifier.Failure {
                // The replay imports on its own thread, so it may meet the rules' refusal of an event after the
                // chain broke further on: the failure named is the first in log order, whichever met it first.
                if failure.map({ error.seq < $0.seq }) ?? true { failure = error }
            }
        }
        progress?(total, total)
        return VerificationReport(verifiedHead: verifier.head, failure: failure)
    }

    /// SQLite's own check of the file: every index entry matches its row, every page is well-formed.
    private func integrityFailure() throws -> ChainVerifier.Failure? {
        var problems: [String] = []
        try connection.statement("PRAGMA integrity_check").query { row in
            problems.append(row.text(0))
            return problems.count < 5
        }
        guard problems != ["ok"] else { return nil }
        return ChainVerifier.Failure(seq: 0, reason: "SQLite's integrity check fails (an index or page of the file is damaged): \(problems.joined(separator: "; "))")
    }

    /// What the replay reads for the checkpoint rows, at their positions before the head (`CheckpointProbes`).
    private func checkpointProbes(head: Int64) throws -> CheckpointProbes {
        guard try hasSealedCheckpoints() else { return CheckpointProbes() }
        var rows: [(day: Day, position: Int64, staleFrom: Int64?)] = []
        try connection.statement("SELECT day, position, stale_from FROM checkpoints").query { row in
            rows.append((Day(ordinal: Int32(row.integer(0))), row.integer(1), row.isNull(2) ? nil : row.integer(2)))
            return true
        }
        return CheckpointProbes(rows: rows, head: head)
    }
}
