extension EventStore {
    /// Files an event just inserted in the entity index, under its rows (`entityRows`). Called once per
    /// insert, inside the insert's transaction.
    func insertEntityRows(_ rows: [EntityRow]) throws {
        let insert = try connection.statement("INSERT OR REPLACE INTO entity_events (entity, effective, seq, writes) VALUES (?1, ?2, ?3, ?4)")
        for row in rows {
            try insert.execute([.text(row.entity), .integer(row.effective), .integer(row.seq), .integer(row.writes ? 1 : 0)])
            filedPositions.filed(row.seq, under: row.entity)
        }
    }

    /// One row of the entity index.
    struct EntityRow: Hashable, Comparable {
        let entity: String
        let effective: Int64
        let seq: Int64
        let writes: Bool

        static func < (left: EntityRow, right: EntityRow) -> Bool {
            (left.entity, left.effective, left.seq) < (right.entity, right.effective, right.seq)
        }
    }

    /// The rows an event at `seq` is filed under: a correction under its replacement's keys and day, a
    /// retraction under none.
    static func entityRows(seq: Int64, event: Event, effective: Day) -> [EntityRow] {
        let (filed, day): (Event, Day) = if case .eventCorrected(_, _, let replacement) = event {
            (replacement.event, replacement.effective)
        } else {
            (event, effective)
        }
        let writes = filed.recordKeys
        return event.indexKeys.sorted().map { key in
            EntityRow(entity: key, effective: Int64(day.ordinal), seq: seq, writes: writes.contains(key))
        }
    }

    /// Fills the entity index of a store written by an older layout, from its stored events. An event this
    /// build cannot decode is not filed (the folds leave it out too).
    func buildEntityIndex() throws {
        try connection.execute("DELETE FROM entity_events")
        filedPositions.removeAll()
        try connection.statement("SELECT seq, body FROM events ORDER BY seq").query { row in
            let seq = row.integer(0)
            guard let fact = try? row.withBytes(1, { bytes in try Self.storedFact(seq: seq, body: bytes) }) else { return true }
            try insertEntityRows(Self.entityRows(seq: seq, event: fact.event, effective: fact.effective))
            return true
        }
    }

    /// The positions of the events filed under `key` (any of its rows) recorded after `after` and before
    /// `before`, in log order, each once.
    ///
    /// Read in the index's order (by effective day) and sorted here: for the 20,680 events of the busiest entity
    /// at 1M this took about 2.5 ms, where SQLite's `DISTINCT`, `ORDER BY` and `IN` list of `carnot history`'s
    /// walk built three temporary B-trees of them, about 10 ms before its first event.
    ///
    /// Inside a write transaction every position of the key is read once and kept (`FiledPositions`): a
    /// correction's check reads the positions after its target under each key it reads, and the index, in
    /// order of effective day, is scanned whole for them. That scan grew with the log, 7 % of an `audit`'s
    /// import at 1M events.
    func positions(filedUnder key: String, after: Int64 = 0, before: Int64 = .max) throws -> [Int64] {
        guard connection.inWriteTransaction else { return try storedPositions(filedUnder: key, after: after, before: before) }
        if let kept = filedPositions.positions(under: key, after: after, before: before) { return kept }
        filedPositions.keep(try storedPositions(filedUnder: key), under: key)
        return filedPositions.positions(under: key, after: after, before: before) ?? []
    }

    /// The positions filed under `key` after `after` and before `before`, read from the index.
    private func storedPositions(filedUnder key: String, after: Int64 = 0, before: Int64 = .max) throws -> [Int64] {
        var positions: [Int64] = []
        try connection.statement("SELECT seq FROM entity_events WHERE entity = ?1 AND seq > ?2 AND seq < ?3")
            .query([.text(key), .integer(after), .integer(before)]) { row in
                positions.append(row.integer(0))
                return true
            }
        positions.sort()
        // The index's key holds the effective day too: a position filed twice under one key is kept once.
        var kept = 0
        for position in positions where kept == 0 || positions[kept - 1] != position {
            positions[kept] = position
            kept += 1
        }
        positions.removeLast(positions.count - kept)
        return positions
    }
}
