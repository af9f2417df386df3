extension EventStore {
    /// The records of `keys` on `day` as known at the head of `live`, for the rules of a back-dated event:
    /// the write's cursors (`EntityCursors`) moved to `day`, or folded from a checkpoint for the keys that
    /// have none, which then get one. Exactly `entityStates(keys, on: day, allTime: false, ...)`'s `onDay`
    /// for those keys; every other record is absent.
    ///
    /// A decision of many back-dated events reads the same entities again and again on later days: each
    /// fact of theirs is then read and applied once for the decision, instead of once per event (the
    /// checkpoints after the decision's first change of an entity no longer hold its record, so every
    /// later event folded its facts again from before that change).
    /// - Returns: nil when a cursor meets a merger (whose new school is built from other records): the
    ///   caller folds from the entity index as before.
    func cursorStates(_ keys: Set<String>, on day: Day, live: LiveState) throws -> RegistryState? {
        let upto = live.head.seq
        entityCursors.catchUp(to: upto)
        var onDay = RegistryState()
        var missing: Set<String> = []
        for key in keys {
            guard var cursor = entityCursors.cursor(key, on: day) else {
                missing.insert(key)
                continue
            }
            guard try advance(&cursor, through: day, upto: upto, corrections: live.corrections) != false else {
                entityCursors.forget(key)
                return nil
            }
            entityCursors.store(cursor, for: key)
            onDay.take(key, from: cursor.state)
        }
        guard !missing.isEmpty else { return onDay }
        // A key without a fact on or before the day has no record then (a school this decision registers);
        // one with a few is folded from its first fact, cheaper than choosing and decoding a checkpoint.
        let count = try connection.statement(
            "SELECT count(*) FROM (SELECT 1 FROM entity_events WHERE entity = ?1 AND writes = 1 AND seq <= ?2 AND effective <= ?3 LIMIT ?4)")
        var few: Set<String> = [], many: Set<String> = []
        for key in missing {
            let facts = try count.first([.text(key), .integer(upto), .integer(Int64(day.ordinal)), .integer(Self.fewFacts)]) { $0.integer(0) } ?? 0
            if facts >= Self.fewFacts { many.insert(key) } else if facts > 0 { few.insert(key) }
        }
        var folded = few.isEmpty ? RegistryState() : try entityStates(few, on: day, allTime: false, upto: upto,
                                                                      corrections: live.corrections).onDay
        if !many.isEmpty {
            let fromCheckpoint = try entityStates(many, on: day, allTime: false, upto: upto, corrections: live.corrections,
                                                  from: checkpoint(onOrBefore: day, upto: upto, holding: many)).onDay
            for key in many { folded.take(key, from: fromCheckpoint) }
        }
        for key in missing {
            var record = RegistryState()
            record.take(key, from: folded)
            var cursor = EntityCursors.Cursor(key: key, day: day, upto: upto, state: record)
            if !live.unsettled.contains(key) {
                var original = RegistryState()
                original.take(key, from: live.current)
                cursor.before = (base: upto, state: record, original: original)
            }
            entityCursors.store(cursor, for: key)
            onDay.take(key, from: record)
        }
        return onDay
    }

    /// Below this many facts on or before the day, a key's first cursor is folded from its first fact rather
    /// than from a checkpoint.
    static let fewFacts: Int64 = 32

    /// The record of `key` after every fact as known at `upto`, from its cursor, for the settle at the end of
    /// a write; the cursor itself stays where it is. When the cursor started from the record as the write
    /// found it, the key's later facts are read only until the record folded with the write's events agrees
    /// with the one folded without them: from there on it ends as the one the write found.
    /// - Returns: nil when the key has no cursor exact at `upto`, or its facts hold a merger.
    func settledRecord(_ key: String, upto: Int64, corrections: CorrectionIndex) throws -> RegistryState? {
        entityCursors.catchUp(to: upto)
        guard entityCursors.known == upto, var cursor = entityCursors.cursors[key] else { return nil }
        let converged = try advance(&cursor, through: nil, upto: upto, corrections: corrections) { cursor in
            guard let before = cursor.before, cursor.unapplied == 0 else { return false }
            return before.state == cursor.state
        }
        guard converged != false, cursor.unapplied == 0 else { return nil }
        if converged == true, let original = cursor.before?.original { return original }
        return cursor.state
    }

    /// Applies to `cursor` the standing facts writing its key from its day and position to `day` (to the
    /// end when nil) and `upto`, read in fold order with their bodies in one range read of the entity index.
    /// - Parameter stop: asked after each fact (and once before the first); true ends the read there.
    /// - Returns: false when a fact is a merger (the cursor is then unusable), true when `stop` ended the
    ///   read, nil when every fact was applied.
    @discardableResult
    private func advance(_ cursor: inout EntityCursors.Cursor, through day: Day?, upto: Int64, corrections: CorrectionIndex,
                         stop: ((EntityCursors.Cursor) -> Bool)? = nil) throws -> Bool? {
        let key = cursor.key
        if let stop, stop(cursor) { return true }
        let from = cursor.day, seen = cursor.upto
        var result: Bool?
        var merger = false
        try connection.statement("""
            SELECT e.seq, e.effective, v.body FROM entity_events e JOIN events v ON v.seq = e.seq
            WHERE e.entity = ?1 AND e.writes = 1 AND e.seq <= ?2 AND e.effective >= ?3 AND e.effective <= ?4
            ORDER BY e.effective, e.seq
            """).query([.text(key), .integer(upto), .integer(Int64(from.ordinal)), .integer(day.map { Int64($0.ordinal) } ?? .max)]) { row in
            let seq = row.integer(0)
            if row.integer(1) == Int64(from.ordinal), seq <= seen { return true }
            let fact: StoredFact?
            if corrections.correction(at: seq) != nil || corrections.deciding(seq, upto: upto) != nil {
                fact = try standingFact(at: seq, upto: upto, corrections: corrections, excluding: nil)
            } else {
                fact = try readableFact(seq: seq, row: row, column: 2)
            }
            if let fact {
                if case .schoolsMerged = fact.event {
                    merger = true
                    return false
                }
                cursor.state.apply(fact.event, on: fact.effective, precision: fact.precision)
                if let base = cursor.before?.base {
                    if seq <= base {
                        cursor.before?.state.apply(fact.event, on: fact.effective, precision: fact.precision)
                    } else {
                        cursor.unapplied -= 1
                    }
                }
            }
            if let stop, stop(cursor) {
                result = true
                return false
            }
            return true
        }
        if merger { return false }
        if let day { cursor.day = day }
        cursor.upto = upto
        return result
    }
}
