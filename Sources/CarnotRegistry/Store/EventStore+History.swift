extension EventStore {
    /// Every event that names `id` (`Event.entities`, a correction by its replacement), in log order, each
    /// with the correction that decides it: read from the entity index, so its cost is the entity's events,
    /// not the log's.
    public func history(of id: EntityID) throws(StoreError) -> [HistoryEntry] {
        try guarded {
            // The correction table has no index by target: it is read once (a few percent of the log), the
            // latest correction of each target deciding it.
            var deciding: [Int64: HistoryEntry.Status] = [:]
            try connection.statement("SELECT seq, target, day IS NULL FROM corrections ORDER BY seq").query { row in
                deciding[row.integer(1)] = row.integer(2) == 1 ? .retractedBy(row.integer(0)) : .correctedBy(row.integer(0))
                return true
            }
            return try positions(filedUnder: id.rawValue).map { seq in
                guard let event = try events(from: seq, through: seq).first else {
                    throw StoreError.integrity("the entity index names event \(seq), which the log does not hold: run `carnot verify`")
                }
                return HistoryEntry(event: event, status: deciding[seq])
            }
        }
    }

    /// True when the log names `id` in any event: a cheap check, from the entity index.
    public func names(_ id: EntityID) throws(StoreError) -> Bool {
        try guarded {
            try connection.statement("SELECT 1 FROM entity_events WHERE entity = ?1 LIMIT 1").first([.text(id.rawValue)]) { _ in true } ?? false
        }
    }
}
