extension EventStore {
    typealias Failure = ChainVerifier.Failure

    /// Compares every table a query reads, besides the events, with what `replay` re-derived from the log.
    ///
    /// A store of an older layout (opened read-only, so not upgraded) has no Merkle tree and its checkpoints
    /// are not sealed, so queries do not use them: only the tables it shares with this layout are compared.
    func checkDerivedTables(against replay: StoreReplay, head: LogHead, timings: VerificationTimings) throws {
        let current = try hasSealedCheckpoints()
        if current { try checkLayout(against: replay.replay) }
        try checkCorrections(replay.corrections)
        try checkIdempotency(head: head)
        timings.lap("layout, corrections, idempotency keys")
        if current {
            try checkMerkleTree(against: replay.replay)
            timings.lap("Merkle tree")
            try checkEntityIndex(against: replay.replay)
            timings.lap("entity index")
            try checkCheckpoints(against: replay.replay, probes: replay.probes, head: head)
            timings.lap("checkpoints")
        }
    }

    /// The tables, indexes and append-only triggers are those a new store has.
    private func checkLayout(against fresh: EventStore) throws {
        func layout(_ store: EventStore) throws -> Set<String> {
            var items = Set<String>()
            try store.connection.statement("SELECT type, name, COALESCE(sql, '') FROM sqlite_master").query { row in
                items.insert("\(row.text(0)) \(row.text(1)): \(row.text(2))")
                return true
            }
            return items
        }
        let expected = try layout(fresh), found = try layout(self)
        if let missing = expected.subtracting(found).sorted().first {
            throw Failure(seq: 0, reason: "the store's layout differs from this build's: missing or altered \(missing.prefix(80))... (were the append-only triggers dropped?)")
        }
        if let extra = found.subtracting(expected).sorted().first {
            throw Failure(seq: 0, reason: "the store's layout differs from this build's: unexpected \(extra.prefix(80))...")
        }
    }

    /// The correction index holds exactly one row per retraction or correction, naming its target and the
    /// replacement's day.
    private func checkCorrections(_ derived: [(seq: Int64, target: Int64, day: Int64?)]) throws {
        var stored: [(seq: Int64, target: Int64, day: Int64?)] = []
        try connection.statement("SELECT seq, target, day FROM corrections ORDER BY seq").query { row in
            stored.append((row.integer(0), row.integer(1), row.isNull(2) ? nil : row.integer(2)))
            return true
        }
        for index in 0..<max(stored.count, derived.count) {
            let found = index < stored.count ? stored[index] : nil, expected = index < derived.count ? derived[index] : nil
            guard let found, let expected, found.seq == expected.seq, found.target == expected.target, found.day == expected.day else {
                let seq = min(found?.seq ?? .max, expected?.seq ?? .max)
                let what = expected.map { "target \($0.target)" + ($0.day.map { ", day \(Day(ordinal: Int32($0)))" } ?? ", a retraction") } ?? "no row: the event is not a correction"
                throw Failure(seq: seq, reason: "the corrections table disagrees with the log (expected \(what)); queries would apply the wrong corrections")
            }
        }
    }

    /// Each idempotency key names a decision in the log, by the digest of its events.
    private func checkIdempotency(head: LogHead) throws {
        var rows: [(key: String, digest: String, first: Int64, last: Int64)] = []
        try connection.statement("SELECT key, digest, first_seq, last_seq FROM idempotency ORDER BY first_seq").query { row in
            rows.append((row.text(0), row.text(1), row.integer(2), row.integer(3)))
            return true
        }
        for row in rows {
            guard row.first >= 1, row.first <= row.last, row.last <= head.seq else {
                throw Failure(seq: row.first, reason: "idempotency key '\(row.key)' names positions \(row.first)...\(row.last), not a decision in the log")
            }
            let drafts = try events(from: row.first, through: row.last).map { event in
                EventDraft(event.event, effective: event.effectiveDate, source: event.source, recordedBy: event.recordedBy,
                           confidence: event.confidence, note: event.note)
            }
            guard Self.digest(of: drafts) == row.digest else {
                throw Failure(seq: row.first, reason: "idempotency key '\(row.key)': its digest is not that of the events at \(row.first)...\(row.last); a retry would be answered wrongly")
            }
        }
    }

    /// Every checkpoint is sealed (its checksum and position hash match) and holds the state the log gives
    /// on its day as known at its position; one that still claims to hold at the head holds there too.
    private func checkCheckpoints(against replay: EventStore, probes: CheckpointProbes, head: LogHead) throws {
        let live = try replay.liveState()
        /// Whether `state` is the replay's on `day` as known at `upto`: read during the replay's import when
        /// planned, else now.
        func holds(_ state: [UInt8], day: Day, upto: Int64) throws -> Bool {
            if let matches = probes.matches(state, day: day, upto: upto) { return matches }
            return StateCodec.encode(try replay.state(at: day, upto: upto, live: live)) == state
        }
        var rows: [(day: Day, position: Int64, staleFrom: Int64?, state: [UInt8], positionHash: String, checksum: [UInt8], staleSeal: [UInt8])] = []
        // A row without its state is read with none, which no checksum matches.
        try connection.statement("""
            SELECT c.day, c.position, c.stale_from, s.state, c.position_hash, c.checksum, c.stale_seal
            FROM checkpoints c LEFT JOIN checkpoint_states s ON s.day = c.day AND s.position = c.position ORDER BY c.position, c.day
            """).query { row in
            rows.append((Day(ordinal: Int32(row.integer(0))), row.integer(1), row.isNull(2) ? nil : row.integer(2),
                         row.isNull(3) ? [] : row.bytes(3), row.text(4), row.bytes(5), row.bytes(6)))
            return true
        }
        if let orphan = try connection.statement("""
            SELECT s.day, s.position FROM checkpoint_states s
            WHERE NOT EXISTS (SELECT 1 FROM checkpoints c WHERE c.day = s.day AND c.position = s.position) LIMIT 1
            """).first([], { (Day(ordinal: Int32($0.integer(0))), $0.integer(1)) }) {
            throw Failure(seq: orphan.1, reason: "the checkpoint state of \(orphan.0) at position \(orphan.1) has no checkpoint row (deleted without its state)")
        }
        let hashAt = try connection.statement("SELECT hash FROM events WHERE seq = ?1")
        for row in rows {
            func fail(_ reason: String) -> Failure {
                Failure(seq: row.position, reason: "the checkpoint of \(row.day) at position \(row.position) \(reason)")
            }
            guard row.position >= 1, row.position <= head.seq,
                  try hashAt.first([.integer(row.position)], { $0.text(0) }) == row.positionHash,
                  CheckpointSeal.checksum(day: row.day, position: row.position, positionHash: row.positionHash, state: row.state) == row.checksum,
                  CheckpointSeal.staleSeal(checksum: row.checksum, staleFrom: row.staleFrom) == row.staleSeal else {
                throw fail("is damaged: its checksum or position hash does not match (queries skip it)")
            }
            guard try holds(row.state, day: row.day, upto: row.position) else {
                throw fail("differs from the state the log gives on that day at that position")
            }
            // It answers every cut-off up to its stale mark: the last of them must see the same state.
            let lastUse = min(row.staleFrom.map { $0 - 1 } ?? head.seq, head.seq)
            if lastUse > row.position, try !holds(row.state, day: row.day, upto: lastUse) {
                throw fail("is used up to position \(lastUse), but an earlier event changes the state on its day (its stale mark was removed or moved)")
            }
        }
    }
}
