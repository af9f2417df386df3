import Foundation

extension EventStore {
    /// Calls `body` with every event filed under `id` in the entity index, in log order, each with the
    /// correction that decides it, as it is read: from the index, so its cost is the entity's events, not the
    /// log's, and memory holds a few runs of events, however long the history.
    ///
    /// `body` runs on the calling thread while another thread reads the next events from this store's
    /// connection: it must not use this store (collect what it needs, and ask the store after the walk).
    ///
    /// The events filed under an id (`Event.indexKeys`) are those naming it (`Event.entities`), and those whose
    /// rules read it: a label grant is filed under its call too, though it names only the institute. A
    /// correction is filed under its replacement's ids, a retraction under none (its target shows it).
    /// - Parameters:
    ///   - after: only the events after this position (0: from the start).
    ///   - limit: at most this many events (nil: all of them).
    ///   - chain: false when `body` does not read `prev` and `hash`: they are not read from the store, and
    ///     each event holds the genesis hash in both.
    ///
    /// ```swift
    /// try store.forEachHistoryEntry(of: EntityID("mers")!) { entry in print(entry.event.seq, entry.status as Any) }
    /// ```
    /// - Throws: `StoreError.integrity` when a stored body does not decode or the entity index names an event
    ///   the log does not hold; what `body` throws, as is.
    public func forEachHistoryEntry(of id: EntityID, after: Int64 = 0, limit: Int? = nil, chain: Bool = true,
                                    _ body: (HistoryEntry) throws -> Void) throws {
        try forEachHistoryEntry(of: id, window: "seq > ?2 ORDER BY seq LIMIT ?3", bound: after, count: limit, chain: chain, body)
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
        try forEachHistoryEntry(of: id, window: "seq < ?2 ORDER BY seq DESC LIMIT ?3", bound: before, count: count, chain: true, body)
    }

    /// The walk of both pagings: `window` picks the entity's positions, bound to `?2` and a count `?3` (-1: all).
    ///
    /// One thread did it all, one event after the other, and about half of `carnot history` of 20,680 events
    /// at 1M was SQLite's lookups (a page read for nearly every event: they lie across the whole file), the
    /// other half decoding the bodies and the caller's work. The lookups need nothing but the connection and
    /// the decoding nothing but the bytes, so they run side by side: another thread reads the rows and copies
    /// the bodies into runs (`HistoryRows`), and this one decodes them and calls `body`, in the order read.
    /// This thread does not touch the connection until the reader is done (`HistoryChannel`).
    /// `runs` cuts the rows into runs (tests try every boundary a run can have).
    func forEachHistoryEntry(of id: EntityID, window: String, bound: Int64, count: Int?, chain: Bool,
                             runs: HistoryReader.Runs = .standard, _ body: (HistoryEntry) throws -> Void) throws {
        var thrown: Error?
        // One read transaction: the walk and its check see the same commit, even while another process appends.
        try guarded { try connection.transaction(immediate: false) {
            let mine = "SELECT DISTINCT seq FROM entity_events WHERE entity = ?1 AND \(window)"
            let parameters: [SQLiteValue] = [.text(id.rawValue), .integer(bound), .integer(count.map(Int64.init) ?? -1)]
            // The deciding correction of each event is the latest one naming it. The corrections are a few
            // percent of the log, integers only: read whole into memory, they cost less than a join with the
            // entity's events (a grouping and an automatic index: 20 ms of 80 for 20,000 events at 1M).
            var deciding: [Int64: HistoryEntry.Status] = [:]
            // Sized once: 15,000 corrections at 1M grew it a dozen times, each a rehash of what it held.
            let corrections = try connection.statement("SELECT count(*) FROM corrections").first { $0.integer(0) } ?? 0
            deciding.reserveCapacity(Int(corrections))
            try connection.statement("SELECT seq, target, day IS NULL FROM corrections ORDER BY seq").query { row in
                deciding[row.integer(1)] = row.integer(2) == 1 ? .retractedBy(row.integer(0)) : .correctedBy(row.integer(0))
                return true
            }
            // The events are sought by position in the order of the list of positions SQLite builds for `IN`,
            // which is log order: no sort of the bodies (a sort of them spills to a temporary file). Each row
            // also carries how many positions the index names, for the check below. The chain columns are
            // left unread when the caller does not read them.
            let statement = try connection.statement("""
                WITH mine(seq) AS (\(mine))
                SELECT e.seq, e.body, \(chain ? "e.prev, e.hash" : "NULL, NULL"), (SELECT count(*) FROM mine)
                FROM events e WHERE e.seq IN mine ORDER BY e.seq
                """)
            let channel = HistoryChannel()
            let reader = HistoryReader(statement: statement, parameters: parameters, deciding: deciding, chain: chain, runs: runs)
            Thread { reader.read(into: channel) }.start()
            // Stored bodies are canonical: the canonical lane reads them, and the general decoder any it leaves.
            var recent = FactDecoder.RecentTexts()
            do {
                while let rows = channel.receive() {
                    try rows.forEach { row, bytes in
                        let event = try FactDecoder.canonicalRecorded(UnsafeRawBufferPointer(bytes), prev: row.prev, hash: row.hash,
                                                                      recent: &recent)
                            ?? Self.decode(body: bytes, seq: row.seq, prev: row.prev, hash: row.hash)
                        do { try body(HistoryEntry(event: event, status: row.status)) } catch { thrown = error; throw error }
                    }
                }
            } catch {
                channel.stop()
                // The reader's own error, if any, is dropped: the walk already failed.
                _ = channel.outcomeOfReader()
                if thrown != nil { return }
                throw error
            }
            let (read, indexed) = try channel.outcomeOfReader().get()
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
