extension EventStore {
    /// Calls `body` with every event that names `id` (`Event.entities`, a correction by its replacement), in
    /// log order, each with the correction that decides it, as it is read: from the entity index, so its cost
    /// is the entity's events, not the log's, and memory holds one event, however long the history.
    /// - Parameters:
    ///   - after: only the events after this position (0: from the start).
    ///   - limit: at most this many events (nil: all of them).
    ///
    /// ```swift
    /// try store.forEachHistoryEntry(of: EntityID("mers")!) { entry in print(entry.event.seq, entry.status as Any) }
    /// ```
    /// - Throws: `StoreError.integrity` when a stored body does not decode or the entity index names an event
    ///   the log does not hold; what `body` throws, as is.
    public func forEachHistoryEntry(of id: EntityID, after: Int64 = 0, limit: Int? = nil,
                                    _ body: (HistoryEntry) throws -> Void) throws {
        var thrown: Error?
        // One read transaction: the walk and its check see the same commit, even while another process appends.
        try guarded { try connection.transaction(immediate: false) {
            // The events are sought by position in the order of the
            // list of positions SQLite builds for `IN`, which is log order: no sort of the bodies. The deciding
            // correction of each event is the latest one naming it; only the corrections of these events are
            // grouped (the scan of the corrections table is of integers, a few percent of the log).
            let statement = try connection.statement("""
                WITH mine(seq) AS (SELECT seq FROM entity_events WHERE entity = ?1 AND seq > ?2),
                     deciding AS (SELECT target, max(seq) AS seq, day FROM corrections WHERE target IN mine GROUP BY target)
                SELECT e.seq, e.body, e.prev, e.hash, d.seq, d.day IS NULL
                FROM events e LEFT JOIN deciding d ON d.target = e.seq
                WHERE e.seq IN mine ORDER BY e.seq LIMIT ?3
                """)
            var read: Int64 = 0, last = after
            try statement.query([.text(id.rawValue), .integer(after), .integer(limit.map(Int64.init) ?? -1)]) { row in
                let event = try Self.decode(row)
                read += 1
                last = event.seq
                let status: HistoryEntry.Status? = row.isNull(4) ? nil
                    : row.integer(5) == 1 ? .retractedBy(row.integer(4)) : .correctedBy(row.integer(4))
                do { try body(HistoryEntry(event: event, status: status)) } catch { thrown = error; return false }
                return true
            }
            guard thrown == nil else { return }
            // A position the index names but the log lacks drops out of the join silently: the index must name
            // as many positions as were read, up to the last one read (to the end when the page is not full).
            let through = limit.map { read < $0 } ?? true ? Int64.max : last
            let indexed = try connection.statement("SELECT count(DISTINCT seq) FROM entity_events WHERE entity = ?1 AND seq > ?2 AND seq <= ?3")
                .first([.text(id.rawValue), .integer(after), .integer(through)]) { $0.integer(0) } ?? 0
            guard indexed == read else {
                throw StoreError.integrity("the entity index names \(indexed - read) events under '\(id)' that the log does not hold: run `carnot verify`")
            }
        } }
        if let thrown { throw thrown }
    }

    /// True when the log names `id` in any event: a cheap check, from the entity index.
    public func names(_ id: EntityID) throws(StoreError) -> Bool {
        try guarded {
            try connection.statement("SELECT 1 FROM entity_events WHERE entity = ?1 LIMIT 1").first([.text(id.rawValue)]) { _ in true } ?? false
        }
    }
}
