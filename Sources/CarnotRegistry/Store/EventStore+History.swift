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
        try forEachHistoryEntry(of: id, window: "seq > ?2 ORDER BY seq LIMIT ?3", bound: after, count: limit, body)
    }

    /// Calls `body` with the last `count` events that name `id` recorded before position `before`, in log
    /// order, each with the correction that decides it: the newest page of a history, read from the entity
    /// index like `forEachHistoryEntry(of:after:limit:)`.
    ///
    /// ```swift
    /// try store.forEachHistoryEntry(of: EntityID("tsn")!, before: .max, last: 100) { print($0.event.seq) }
    /// ```
    /// - Throws: as `forEachHistoryEntry(of:after:limit:)`.
    public func forEachHistoryEntry(of id: EntityID, before: Int64, last count: Int,
                                    _ body: (HistoryEntry) throws -> Void) throws {
        try forEachHistoryEntry(of: id, window: "seq < ?2 ORDER BY seq DESC LIMIT ?3", bound: before, count: count, body)
    }

    /// The walk of both pagings: `window` picks the entity's positions, bound to `?2` and a count `?3` (-1: all).
    private func forEachHistoryEntry(of id: EntityID, window: String, bound: Int64, count: Int?,
                                     _ body: (HistoryEntry) throws -> Void) throws {
        var thrown: Error?
        // One read transaction: the walk and its check see the same commit, even while another process appends.
        try guarded { try connection.transaction(immediate: false) {
            let mine = "SELECT DISTINCT seq FROM entity_events WHERE entity = ?1 AND \(window)"
            let parameters: [SQLiteValue] = [.text(id.rawValue), .integer(bound), .integer(count.map(Int64.init) ?? -1)]
            // The events are sought by position in the order of the list of positions SQLite builds for `IN`,
            // which is log order: no sort of the bodies (a sort of them spills to a temporary file). The deciding
            // correction of each event is the latest one naming it; only the corrections of these events are
            // grouped (the scan of the corrections table is of integers, a few percent of the log). Each row
            // also carries how many positions the index names, for the check below.
            let statement = try connection.statement("""
                WITH mine(seq) AS (\(mine)),
                     deciding AS (SELECT target, max(seq) AS seq, day FROM corrections WHERE target IN mine GROUP BY target)
                SELECT e.seq, e.body, e.prev, e.hash, d.seq, d.day IS NULL, (SELECT count(*) FROM mine)
                FROM events e LEFT JOIN deciding d ON d.target = e.seq
                WHERE e.seq IN mine ORDER BY e.seq
                """)
            var read: Int64 = 0, indexed: Int64?
            try statement.query(parameters) { row in
                indexed = row.integer(6)
                let event = try Self.decode(row)
                read += 1
                let status: HistoryEntry.Status? = row.isNull(4) ? nil
                    : row.integer(5) == 1 ? .retractedBy(row.integer(4)) : .correctedBy(row.integer(4))
                do { try body(HistoryEntry(event: event, status: status)) } catch { thrown = error; return false }
                return true
            }
            guard thrown == nil else { return }
            // A position the index names but the log lacks drops out of the join silently: the index must name
            // as many positions as were read (counted apart only when none was read).
            let named = try indexed ?? connection.statement("SELECT count(*) FROM (\(mine))").first(parameters) { $0.integer(0) } ?? 0
            guard named == read else {
                throw StoreError.integrity("the entity index names \(named - read) events under '\(id)' that the log does not hold: run `carnot verify`")
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
