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
        try forEachHistoryEntry(of: id, window: .after(after, limit: limit), chain: chain, body)
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
        try forEachHistoryEntry(of: id, window: .before(before, last: count), chain: true, body)
    }

    /// The walk of both pagings: `window` picks the entity's positions.
    ///
    /// One thread did it all, one event after the other, and about half of `carnot history` of 20,680 events
    /// at 1M was SQLite's lookups (a page read for nearly every event: they lie across the whole file), the
    /// other half decoding the bodies and the caller's work. The lookups need nothing but the connection and
    /// the decoding nothing but the bytes, so they run side by side: another thread reads the rows and copies
    /// the bodies into runs (`HistoryRows`), and this one decodes them and calls `body`, in the order read.
    /// This thread does not touch the connection until the reader is done (`HistoryChannel`).
    /// `runs` cuts the rows into runs (tests try every boundary a run can have).
    func forEachHistoryEntry(of id: EntityID, window: HistoryWindow, chain: Bool,
                             runs: HistoryReader.Runs = .standard, _ body: (HistoryEntry) throws -> Void) throws {
        var thrown: Error?
        // One read transaction: the walk and its check see the same commit, even while another process appends.
        try guarded { try connection.transaction(immediate: false) {
            // The deciding correction of each event is the latest one naming it. The corrections are a few
            // percent of the log, integers only: read whole into memory, they cost less than a join with the
            // entity's events (a grouping and an automatic index: 20 ms of 80 for 20,000 events at 1M).
            var corrections: [DecidingCorrections.Correction] = []
            try connection.statement("SELECT seq, target, day IS NULL FROM corrections").query { row in
                corrections.append(.init(target: row.integer(1), seq: row.integer(0), retracts: row.integer(2) == 1))
                return true
            }
            // The entity's positions from the index, then its events sought one by one in log order by the
            // reader (the chain columns left unread when the caller does not read them). A position the index
            // names but the log lacks finds no row: the reader counts it, for the check below.
            let positions = window.cut(try positions(filedUnder: id.rawValue, after: window.after, before: window.before))
            let lookup = try connection.statement(chain ? "SELECT body, prev, hash FROM events WHERE seq = ?1"
                                                        : "SELECT body FROM events WHERE seq = ?1")
            let channel = HistoryChannel(capacity: runs.inFlight)
            let reader = HistoryReader(lookup: lookup, positions: positions, deciding: DecidingCorrections(corrections),
                                       chain: chain, runs: runs)
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
                _ = channel.outcomeOfProducer()
                if thrown != nil { return }
                throw error
            }
            let missing = try channel.outcomeOfProducer().get()
            guard missing == 0 else {
                throw StoreError.integrity("the entity index names \(missing) events under '\(id)' that the log does not hold: run `carnot verify`")
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
