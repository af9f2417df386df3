extension EventStore {
    /// A checkpoint read back: the state on `day` (every fact effective on or before it).
    struct Checkpoint {
        let day: Day
        let state: RegistryState
    }

    /// What a process needs to know of the checkpoint table when it loads.
    struct CheckpointSummary {
        var lastPosition: Int64 = 0
        var latestDay: Day?
    }

    /// The newest checkpoint on or before `day` that holds for the cut-off `upto`: written at or before
    /// `upto`, and not made stale by an event at or before it.
    func validCheckpoint(onOrBefore day: Day, upto: Int64) throws -> Checkpoint? {
        try connection.statement("""
            SELECT day, state FROM checkpoints
            WHERE day <= ?1 AND position <= ?2 AND (stale_from IS NULL OR stale_from > ?2)
            ORDER BY day DESC, position DESC LIMIT 1
            """).first([.integer(Int64(day.ordinal)), .integer(upto)]) { row in
            let day = Day(ordinal: Int32(row.integer(0)))
            do {
                let state = try row.withBytes(1) { bytes in try StateCodec.decode(UnsafeRawBufferPointer(bytes)) }
                return Checkpoint(day: day, state: state)
            } catch {
                throw StoreError.integrity("the checkpoint of \(day) does not decode: \(error)")
            }
        }
    }

    func checkpointSummary(upto: Int64) throws -> CheckpointSummary {
        var summary = CheckpointSummary()
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
        try connection.statement("UPDATE checkpoints SET stale_from = ?1 WHERE stale_from IS NULL AND day >= ?2")
            .execute([.integer(seq), .integer(Int64(day.ordinal))])
    }

    /// Writes the checkpoint at the front of valid time (`current`, on day `front`, as known at `position`)
    /// and fresh checkpoints for the days whose every checkpoint went stale, which replace them.
    ///
    /// Stale checkpoints are rewritten here, once per interval, rather than at each back-dated event, which
    /// would rewrite the same days again and again. They are deleted once rewritten: they are a cache derived
    /// from the log, not part of it, and keeping every superseded version would grow the table with each
    /// back-dated event. Queries with an earlier cut-off then start from an older checkpoint, with the same
    /// answer.
    func writeCheckpoints(_ state: inout LiveState, front: Day, position: Int64) throws {
        var writes: [Day: RegistryState] = [:]
        let stale = try staleDays()
        if let first = stale.first, let last = stale.last {
            let base = try validCheckpoint(onOrBefore: first.adding(days: -1), upto: position)
            _ = try fold(base?.state ?? RegistryState(), after: base?.day, through: last, upto: position,
                         corrections: state.corrections, capturing: stale) { day, captured in writes[day] = captured }
        }
        writes[front] = state.current
        let insert = try connection.statement("INSERT INTO checkpoints (day, position, state) VALUES (?1, ?2, ?3)")
        for (day, captured) in writes.sorted(by: { $0.key < $1.key }) {
            try connection.statement("DELETE FROM checkpoints WHERE day = ?1 AND stale_from IS NOT NULL")
                .execute([.integer(Int64(day.ordinal))])
            try insert.execute([.integer(Int64(day.ordinal)), .integer(position), .blob(StateCodec.encode(captured))])
        }
        state.lastCheckpointPosition = position
        state.latestCheckpointDay = max(state.latestCheckpointDay ?? front, front)
    }
}
