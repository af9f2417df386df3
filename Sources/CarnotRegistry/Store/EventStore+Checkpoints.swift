extension EventStore {
    /// A checkpoint read back: the state on `day` (every fact effective on or before it).
    struct Checkpoint {
        let day: Day
        let state: RegistryState
        /// The records this checkpoint no longer holds: written, by events after it, on or before its day.
        /// Empty for a checkpoint that holds in full (`validCheckpoint`); see `checkpoint(holding:)`.
        var staleKeys: Set<String> = []
    }

    /// What a process needs to know of the checkpoint table when it loads.
    struct CheckpointSummary {
        var lastPosition: Int64 = 0
        var latestDay: Day?
    }

    /// The newest checkpoint on or before `day` that holds for the cut-off `upto`: written at or before
    /// `upto`, and not made stale by an event at or before it.
    ///
    /// A checkpoint whose checksum does not match its row, or whose position no longer has the hash it was
    /// computed at, is damaged: it is skipped (the fold starts from an older one, or from the start), said on
    /// stderr, and, inside a write, deleted: the next checkpoint writes (every interval) replace it.
    func validCheckpoint(onOrBefore day: Day, upto: Int64) throws -> Checkpoint? {
        try checkpoint(onOrBefore: day, upto: upto, holding: nil)
    }

    /// The newest checkpoint on or before `day` whose records of `keys` hold at `upto`: it may be stale for
    /// other records (a back-dated event wrote them after it), which are named in its `staleKeys` and must
    /// not be read (`entityStates` falls back to `validCheckpoint` if a fold reaches one).
    ///
    /// A decision of many back-dated events makes every checkpoint after its first day stale; without this,
    /// each later event of the decision would fold its entities from before that first day.
    /// - Parameter keys: nil for a checkpoint that holds in full (`validCheckpoint`).
    func checkpoint(onOrBefore day: Day, upto: Int64, holding keys: Set<String>?) throws -> Checkpoint? {
        // A store of an older layout opened read-only keeps unsealed checkpoints: they are not trusted.
        guard try hasSealedCheckpoints() else { return nil }
        // Stale checkpoints share the positions that made them stale: a read keeps what each writes for this
        // walk (a write keeps it for the write). At 1M, after the bench's back-dated decisions, a new process
        // read the same 4,000 positions for each of 582 stale checkpoints: 7 s before its first answer.
        let walk = keys != nil && !connection.inWriteTransaction && !walkingStaleCheckpoints
        if walk { walkingStaleCheckpoints = true }
        defer {
            if walk {
                walkingStaleCheckpoints = false
                writtenRecords.removeAll()
                staleSummaries = [:]
            }
        }
        var found: Checkpoint?
        var damaged: [(day: Int64, position: Int64)] = []
        // The candidates without their states: a state is read (tens of kilobytes) only for the one taken.
        try connection.statement("""
            SELECT day, position, stale_from FROM checkpoints
            WHERE day <= ?1 AND position <= ?2 AND (?3 OR stale_from IS NULL OR stale_from > ?2)
            ORDER BY day DESC, position DESC
            """).query([.integer(Int64(day.ordinal)), .integer(upto), .integer(keys == nil ? 0 : 1)]) { row in
            let day = Day(ordinal: Int32(row.integer(0)))
            let position = row.integer(1)
            var staleKeys: Set<String> = []
            if let keys, !row.isNull(2), row.integer(2) <= upto {
                // Most stale checkpoints walked past write one of `keys`: tell so without building their sets.
                if !keys.isEmpty, try writesAny(of: keys, since: row.integer(2), upto: upto, onOrBefore: day) == true { return true }
                guard let written = try recordsWritten(since: row.integer(2), upto: upto, onOrBefore: day, checkpoint: position),
                      written.isDisjoint(with: keys) else { return true }
                staleKeys = written
            }
            guard let state = try sealedState(day: day, position: position) else {
                damaged.append((Int64(day.ordinal), position))
                warn("carnot: the checkpoint of \(day) at position \(position) is damaged (its checksum or log hash does not match): not used; folding from an older one")
                return true
            }
            found = Checkpoint(day: day, state: state, staleKeys: staleKeys)
            return false
        }
        if !damaged.isEmpty, !isReadOnly, connection.inWriteTransaction {
            for row in damaged { try deleteCheckpoint(day: row.day, position: row.position) }
        }
        return found
    }

    /// At most this many decoded checkpoints are kept by a process that writes (a few MB at 1M events).
    static let decodedCheckpointLimit = 32

    /// The state of the checkpoint row (`day`, `position`), when its checksum, stale seal and log hash match;
    /// nil when it is damaged.
    func sealedState(day: Day, position: Int64) throws -> RegistryState? {
        try connection.statement("""
            SELECT c.position_hash, c.checksum, s.state, COALESCE((SELECT hash FROM events WHERE seq = c.position), ''),
                   c.stale_from, c.stale_seal
            FROM checkpoints c LEFT JOIN checkpoint_states s ON s.day = c.day AND s.position = c.position
            WHERE c.day = ?1 AND c.position = ?2
            """).first([.integer(Int64(day.ordinal)), .integer(position)]) { row -> RegistryState? in
            // A row whose state is missing is damaged like one whose state does not match its checksum.
            guard !row.isNull(2) else { return nil }
            let checksum = row.bytes(1)
            let staleFrom = row.isNull(4) ? nil : row.integer(4)
            let seals = row.text(0) == row.text(3) && CheckpointSeal.staleSeal(checksum: checksum, staleFrom: staleFrom) == row.bytes(5)
            // The back-dated events of a decision, and of the decisions after it, start their folds from a few
            // checkpoints again and again: each is decoded once. Only inside a write transaction, and kept
            // between writes: a row of the same day, position and checksum holds the same bytes (the checksum
            // covers them), and the seals above are checked again on every read.
            let id = CheckpointID(day: day, position: position)
            if seals, connection.inWriteTransaction, let known = decodedCheckpoints[id], known.checksum == checksum {
                return known.state
            }
            let sealed = seals && row.withBytes(2) { state in
                CheckpointSeal.checksum(day: day, position: position, positionHash: row.text(0), state: state) == checksum
            }
            guard sealed, let state = try? row.withBytes(2, { bytes in try StateCodec.decode(UnsafeRawBufferPointer(bytes)) }) else {
                return nil
            }
            if connection.inWriteTransaction {
                if decodedCheckpoints.count >= Self.decodedCheckpointLimit { decodedCheckpoints.removeAll(keepingCapacity: true) }
                decodedCheckpoints[id] = (checksum, state)
            }
            return state
        } ?? nil
    }

    func checkpointSummary(upto: Int64) throws -> CheckpointSummary {
        var summary = CheckpointSummary()
        guard try hasSealedCheckpoints() else { return summary }
        try connection.statement("SELECT max(position), max(day) FROM checkpoints WHERE position <= ?1")
            .query([.integer(upto)]) { row in
                summary.lastPosition = row.integer(0)
                summary.latestDay = row.isNull(1) ? nil : Day(ordinal: Int32(row.integer(1)))
                return false
            }
        return summary
    }

    /// The days whose every checkpoint is stale: to be written afresh at the next interval.
    func staleDays() throws -> [Day] {
        var days: [Day] = []
        try connection.statement("""
            SELECT DISTINCT day FROM checkpoints WHERE stale_from IS NOT NULL
            AND day NOT IN (SELECT day FROM checkpoints WHERE stale_from IS NULL) ORDER BY day
            """).query { row in
                days.append(Day(ordinal: Int32(row.integer(0))))
                return true
            }
        return days
    }

    /// Marks stale, from position `seq`, every checkpoint on or after `day` that still held: exactly those
    /// whose state the event at `seq` changes.
    func invalidateCheckpoints(from day: Day, by seq: Int64, latestDay: Day?) throws {
        guard let latestDay, day <= latestDay else { return }
        // A decision of thousands of back-dated events looked for them once per event (the rows after the
        // day, each read for its stale_from): a third of the decision's time at 1M.
        if let invalidatedFrom, invalidatedFrom <= day { return }
        var marked: [(day: Int64, position: Int64, checksum: [UInt8])] = []
        try connection.statement("SELECT day, position, checksum FROM checkpoints WHERE stale_from IS NULL AND day >= ?1")
            .query([.integer(Int64(day.ordinal))]) { row in
                marked.append((row.integer(0), row.integer(1), row.bytes(2)))
                return true
            }
        let update = try connection.statement("UPDATE checkpoints SET stale_from = ?1, stale_seal = ?2 WHERE day = ?3 AND position = ?4")
        for row in marked {
            try update.execute([.integer(seq), .blob(CheckpointSeal.staleSeal(checksum: row.checksum, staleFrom: seq)),
                                .integer(row.day), .integer(row.position)])
        }
        if connection.inWriteTransaction { invalidatedFrom = min(invalidatedFrom ?? day, day) }
    }

    /// Writes the checkpoint at the front of valid time (`current`, on day `front`, as known at `position`)
    /// and fresh checkpoints for the days whose every checkpoint went stale, which replace them.
    ///
    /// Stale checkpoints are rewritten here, once per interval, rather than at each back-dated event, which
    /// would rewrite the same days again and again. They are deleted once rewritten: they are a cache derived
    /// from the log, not part of it, and keeping every superseded version would grow the table with each
    /// back-dated event. Queries with an earlier cut-off then start from an older checkpoint, with the same
    /// answer.
    ///
    /// A stale day is written again only when at least half an interval of facts lies between it and the
    /// checkpoint kept before it; the others are deleted. Back-dated decisions near the front leave a stale
    /// checkpoint on nearly every recent day (each decision's front), and writing them all again cost an
    /// encoding of the whole state per day; queries between two kept checkpoints fold no more facts than
    /// between two checkpoints of the interval.
    ///
    /// Inside an import (`deferringStaleDays`), only the stale days at least `importStaleLag` days before the
    /// front are written again; the import writes the rest once, at its end (`rewriteStaleCheckpoints`).
    func writeCheckpoints(_ state: inout LiveState, front: Day, position: Int64) throws {
        let lagging = deferringStaleDays ? front.adding(days: -Self.importStaleLag) : nil
        var writes = try staleRewrites(through: lagging, except: front, upto: position, corrections: state.corrections)
        writes[front] = state.current
        try insertCheckpoints(writes, position: position)
        state.lastCheckpointPosition = position
        state.latestCheckpointDay = max(state.latestCheckpointDay ?? front, front)
    }

    /// Writes afresh, at the head, every day whose checkpoints are all stale (those `spacedOut` keeps; the
    /// others are deleted): the end of an import, which deferred the days near the front.
    func rewriteStaleCheckpoints() throws {
        let state = try liveState()
        guard state.head.seq > 0 else { return }
        // The newest checkpoint's stale rows stay when not written again: a process that loads starts from it.
        try insertCheckpoints(try staleRewrites(through: nil, except: state.latestCheckpointDay, upto: state.head.seq,
                                                corrections: state.corrections), position: state.head.seq)
    }

    /// The states of the stale days on or before `through` (all when nil) that are to be written again, folded
    /// in one pass from the valid checkpoint before the first; the stale rows of the other days are deleted,
    /// but for `except`'s.
    private func staleRewrites(through: Day?, except front: Day?, upto position: Int64,
                               corrections: CorrectionIndex) throws -> [Day: RegistryState] {
        var writes: [Day: RegistryState] = [:]
        let stale = try staleDays().filter { day in through.map { day <= $0 } ?? true }
        guard let first = stale.first else { return writes }
        let base = try validCheckpoint(onOrBefore: first.adding(days: -1), upto: position)
        let spaced = try spacedOut(stale, after: base?.day, upto: position)
        if let last = spaced.last {
            _ = try fold(base?.state ?? RegistryState(), after: base?.day, through: last, upto: position,
                         corrections: corrections, capturing: spaced) { day, captured in writes[day] = captured }
        }
        for day in stale where writes[day] == nil && day != front { try deleteStaleRows(on: day) }
        return writes
    }

    /// Writes `writes` as the checkpoints at `position`, each replacing its day's stale rows.
    private func insertCheckpoints(_ writes: [Day: RegistryState], position: Int64) throws {
        invalidatedFrom = nil
        let positionHash = try connection.statement("SELECT hash FROM events WHERE seq = ?1")
            .first([.integer(position)]) { $0.text(0) } ?? EventSchema.genesisHash
        for (day, captured) in writes.sorted(by: { $0.key < $1.key }) {
            try deleteStaleRows(on: day)
            try insertCheckpoint(day: day, position: position, positionHash: positionHash, state: StateCodec.encode(captured))
        }
    }

    /// Writes one checkpoint, sealed and holding: its row and its state. OR REPLACE: the front may already
    /// have been written at this position after a back-dated event.
    func insertCheckpoint(day: Day, position: Int64, positionHash: String, state bytes: [UInt8]) throws {
        let checksum = CheckpointSeal.checksum(day: day, position: position, positionHash: positionHash, state: bytes)
        let key: [SQLiteValue] = [.integer(Int64(day.ordinal)), .integer(position)]
        try connection.statement("""
            INSERT OR REPLACE INTO checkpoints (day, position, position_hash, checksum, stale_seal) VALUES (?1, ?2, ?3, ?4, ?5)
            """).execute(key + [.text(positionHash), .blob(checksum), .blob(CheckpointSeal.staleSeal(checksum: checksum, staleFrom: nil))])
        try connection.statement("INSERT OR REPLACE INTO checkpoint_states (day, position, state) VALUES (?1, ?2, ?3)")
            .execute(key + [.blob(bytes)])
    }

    /// Deletes one checkpoint: its row and its state.
    func deleteCheckpoint(day: Int64, position: Int64) throws {
        for table in ["checkpoints", "checkpoint_states"] {
            try connection.statement("DELETE FROM \(table) WHERE day = ?1 AND position = ?2").execute([.integer(day), .integer(position)])
        }
    }

    /// Deletes the stale checkpoints of `day`: written afresh, or not kept (`spacedOut`).
    private func deleteStaleRows(on day: Day) throws {
        try connection.statement("""
            DELETE FROM checkpoint_states WHERE day = ?1
            AND position IN (SELECT position FROM checkpoints WHERE day = ?1 AND stale_from IS NOT NULL)
            """).execute([.integer(Int64(day.ordinal))])
        try connection.statement("DELETE FROM checkpoints WHERE day = ?1 AND stale_from IS NOT NULL")
            .execute([.integer(Int64(day.ordinal))])
    }

    /// How many days behind the front an import leaves stale checkpoints until its end. Back-dated events
    /// stale every checkpoint from their day on; the synthetic log back-dates up to 30 days, and rewriting
    /// the recent stale days at every interval wrote each about four times (a fold of the last few thousand
    /// facts and an encoding of the whole state per day), about a fifth of an import at 1M.
    static let importStaleLag = 31
}

extension EventStore {
    /// Writes, at the head, the checkpoint of the state after every fact (on the latest effective day) when
    /// this write left the front one stale in a way a process that loads cannot mend
    /// (`LiveState.frontCheckpointStale`): after a retraction or a correction, an interval of back-dated events
    /// without a front one, or a write that changed more records than a loader should fold again. Called once
    /// per write, before it commits.
    ///
    /// Otherwise a back-dated event leaves the front stale, and a process that loads folds again the records it
    /// wrote (`loadLiveState`). Writing the front after each back-dated decision cost an encoding of the whole
    /// state (tens of kilobytes at 1M events): 40 % of single-event decisions at 1M, for a checkpoint that the
    /// next event on the front's day made stale again.
    func refreshFrontCheckpoint() throws {
        guard var state = live, state.frontCheckpointStale else { return }
        guard let front = state.latestEffective, state.head.seq > 0 else {
            live?.frontCheckpointStale = false
            return
        }
        // `state` must own the state alone while it is encoded; it is put back after.
        live = nil
        invalidatedFrom = nil
        try insertCheckpoint(day: front, position: state.head.seq, positionHash: state.head.hash, state: StateCodec.encode(state.current))
        state.frontCheckpointStale = false
        state.latestCheckpointDay = max(state.latestCheckpointDay ?? front, front)
        state.lastCheckpointPosition = state.head.seq
        live = state
    }

    /// The days of `days` (ascending) each at least half an interval of facts, as known at `upto`, after the one
    /// kept before it (the first after `base`, the checkpoint the fold starts from).
    func spacedOut(_ days: [Day], after base: Day?, upto: Int64) throws -> [Day] {
        let spacing = max(1, checkpointInterval / 2)
        let count = try connection.statement("""
            SELECT count(*) FROM (SELECT 1 FROM events WHERE effective > ?1 AND effective <= ?2 AND seq <= ?3 LIMIT ?4)
            """)
        var kept: [Day] = []
        var previous = base.map { Int64($0.ordinal) } ?? Int64(Int32.min)
        for day in days {
            let facts = try count.first([.integer(previous), .integer(Int64(day.ordinal)), .integer(upto), .integer(Int64(spacing))]) {
                $0.integer(0)
            } ?? 0
            guard facts >= spacing else { continue }
            kept.append(day)
            previous = Int64(day.ordinal)
        }
        return kept
    }

    /// How many checkpoints the store holds.
    public func checkpointCount() throws(StoreError) -> Int {
        try guarded { Int(try connection.integer("SELECT count(*) FROM checkpoints")) }
    }
}

extension EventStore {
    /// True when the file's layout seals its checkpoints and keeps the Merkle tree (version 3 on): reading
    /// `PRAGMA user_version` costs a header read.
    func hasSealedCheckpoints() throws -> Bool {
        try connection.integer("PRAGMA user_version") >= 3
    }
}
