extension EventStore {
    /// The state on `day` as known at `upto`, folded from the newest checkpoint on or before `day` that either
    /// holds for `upto` or names the records it no longer holds (`checkpoint(holding: [])`, its `staleKeys`).
    ///
    /// A back-dated decision makes every checkpoint after its day stale until the next interval writes them
    /// again. A read of a later day could then only fold from a checkpoint before that day: on the 1M log,
    /// after four renames back-dated to 2014, `carnot state --at 2020-02-07` folded six years of events (most
    /// of its 8.6 s of CPU was the walk of the stale checkpoints, kept for the walk since). From the stale
    /// checkpoint instead, the read folds the facts after its day, then folds again
    /// from the entity index the few records the back-dated events wrote, from the newest checkpoint that
    /// holds in full: what a process that loads does for the state after every fact (`loadLiveState`).
    ///
    /// It does so only when the entity folds read fewer rows than the whole fold would between the two
    /// checkpoints (`refoldingReadsLess`); otherwise, and when no stale checkpoint names its records (a
    /// correction or a retraction since, or too many events), it folds from the checkpoint that holds.
    func foldedState(at day: Day, upto: Int64, corrections: CorrectionIndex) throws -> RegistryState {
        var nearest = try checkpoint(onOrBefore: day, upto: upto, holding: [])
        guard let stale = nearest.map({ (day: $0.day, keys: $0.staleKeys) }), !stale.keys.isEmpty,
              try refoldingReadsLess(stale.keys, from: stale.day, through: day, upto: upto) else {
            var base: Checkpoint?
            if nearest?.staleKeys.isEmpty ?? true {
                base = nearest.take()
            } else {
                nearest = nil
                base = try validCheckpoint(onOrBefore: day, upto: upto)
            }
            let after = base?.day
            // The checkpoint's state is handed to the fold as its only copy (see `fold`).
            return try fold(base.take()?.state ?? RegistryState(), after: after, through: day, upto: upto,
                            corrections: corrections).state
        }
        let holding = try validCheckpoint(onOrBefore: stale.day, upto: upto)
        var state = try fold(nearest.take()!.state, after: stale.day, through: day, upto: upto, corrections: corrections).state
        _ = try refold(stale.keys, in: &state, on: day, upto: upto, corrections: corrections, from: holding)
        return state
    }

    /// Folds again, from the entity index, the records of `keys` in `state` (on `day`, or after every fact when
    /// nil), as known at `upto`, starting from `base`, a checkpoint that holds them; the records of the schools
    /// they were merged into too, which a merger builds from theirs.
    /// - Returns: the keys folded again, with those schools.
    func refold(_ keys: Set<String>, in state: inout RegistryState, on day: Day?, upto: Int64,
                corrections: CorrectionIndex, from base: Checkpoint?) throws -> Set<String> {
        var keys = keys
        var fresh = RegistryState()
        while true {
            let folded = try entityStates(keys, on: day, allTime: day == nil, upto: upto, corrections: corrections, from: base)
            fresh = day == nil ? folded.allTime : folded.onDay
            let mergedInto = keys.compactMap { EntityID($0) }.flatMap { id in
                [fresh.schools[id]?.mergedInto, state.schools[id]?.mergedInto].compactMap { $0?.rawValue }
            }
            guard !keys.isSuperset(of: mergedInto) else { break }
            keys.formUnion(mergedInto)
        }
        for key in keys { state.take(key, from: fresh) }
        return keys
    }

    /// True when folding the records of `keys` from the entity index, from the newest checkpoint before `from`
    /// that holds in full, reads fewer rows than folding every event between that checkpoint and `from`:
    /// the entity folds read each fact by position, a scattered page each (`scatteredReadCost`); the whole fold
    /// reads the events in the order of the file. Both are counted only as far as the comparison needs.
    private func refoldingReadsLess(_ keys: Set<String>, from stale: Day, through day: Day, upto: Int64) throws -> Bool {
        let holding = try connection.statement("""
            SELECT max(day) FROM checkpoints WHERE day <= ?1 AND position <= ?2 AND (stale_from IS NULL OR stale_from > ?2)
            """).first([.integer(Int64(stale.ordinal)), .integer(upto)]) { $0.isNull(0) ? Int64.min : $0.integer(0) } ?? .min
        let count = try connection.statement("""
            SELECT count(*) FROM (SELECT 1 FROM entity_events
                                  WHERE entity = ?1 AND writes = 1 AND effective > ?2 AND effective <= ?3 AND seq <= ?4 LIMIT ?5)
            """)
        // The whole fold is bounded by the events of the log; a bound of a million keeps the counts short.
        var budget = Self.refoldCountLimit
        var facts: Int64 = 0
        for key in keys {
            facts += try count.first([.text(key), .integer(holding), .integer(Int64(day.ordinal)), .integer(upto), .integer(budget)]) {
                $0.integer(0)
            } ?? 0
            budget = Self.refoldCountLimit - facts
            guard budget > 0 else { return false }
        }
        let bound = facts * Self.scatteredReadCost
        let between = try connection.statement("""
            SELECT count(*) FROM (SELECT 1 FROM events WHERE effective > ?1 AND effective <= ?2 AND seq <= ?3 LIMIT ?4)
            """).first([.integer(holding), .integer(Int64(stale.ordinal)), .integer(upto), .integer(bound + 1)]) { $0.integer(0) } ?? 0
        return bound < between
    }

    /// At most this many facts of the stale records are counted: past it, the whole fold is taken.
    static let refoldCountLimit: Int64 = 250_000
}
