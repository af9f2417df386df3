extension EventStore {
    /// The records of `keys` (entity ids and office seats, `Event.recordKeys`) on `day` and after every fact,
    /// as known at position `upto`: a fold of only the facts that write them, read from the entity index.
    ///
    /// For those keys the records are exactly those of a fold of the whole log (`fold`), with the same
    /// corrections, exclusion and injection; every other record is absent or partial and must not be read.
    /// This holds because `RegistryState.apply` builds a record only from the facts writing it, except for a
    /// merger, which builds the new school from the merged ones: their facts are folded too. The cost is the
    /// number of facts of those entities, whatever the size of the log.
    /// - Parameters:
    ///   - base: a checkpoint on or before `day` that holds at `upto` and before every fact the exclusion and
    ///     injection change: its records of the keys are the start, and only later facts are read.
    ///   - day: the day of the `onDay` state; nil when only the state after every fact is wanted.
    ///   - allTime: false to read only facts effective on or before `day` (then `allTime` is `onDay`).
    ///   - excluding: an event to leave out with all its corrections.
    ///   - inject: a fact not in the log, folded at its day as if recorded at `seq`.
    ///   A checkpoint that holds only some records (`checkpoint(holding:)`) is used while the fold reads none
    ///   of its `staleKeys`; if it reaches one (a merger), the fold starts again from `validCheckpoint`.
    func entityStates(_ keys: Set<String>, on day: Day?, allTime: Bool = true, upto: Int64, corrections: CorrectionIndex,
                      excluding: Int64? = nil, inject: (fact: StoredFact, seq: Int64)? = nil, from base: Checkpoint? = nil)
        throws -> (onDay: RegistryState, allTime: RegistryState) {
        if let folded = try foldEntities(keys, on: day, allTime: allTime, upto: upto, corrections: corrections,
                                         excluding: excluding, inject: inject, from: base) {
            return folded
        }
        let holding = try base.flatMap { try validCheckpoint(onOrBefore: $0.day, upto: upto) }
        guard let folded = try foldEntities(keys, on: day, allTime: allTime, upto: upto, corrections: corrections,
                                            excluding: excluding, inject: inject, from: holding) else {
            throw StoreError.integrity("a checkpoint that holds in full was refused by the entity fold")
        }
        return folded
    }

    /// `entityStates` from `base`; nil when the fold reaches a record `base` does not hold.
    private func foldEntities(_ keys: Set<String>, on day: Day?, allTime: Bool, upto: Int64, corrections: CorrectionIndex,
                              excluding: Int64?, inject: (fact: StoredFact, seq: Int64)?, from base: Checkpoint?)
        throws -> (onDay: RegistryState, allTime: RegistryState)? {
        var facts: [Int64: StoredFact] = [:]
        var skipped: Set<Int64> = []
        var pending = keys
        var visited: Set<String> = []
        let through = allTime ? Int64.max : Int64(day?.ordinal ?? .max)
        let after = base.map { Int64($0.day.ordinal) } ?? .min
        var state = RegistryState()
        let rows = try connection.statement(
            "SELECT seq FROM entity_events WHERE entity = ?1 AND writes = 1 AND seq <= ?2 AND effective > ?3 AND effective <= ?4")
        /// A merger into a visited key also folds the schools it merges, whose records the new school inherits.
        func follow(_ fact: StoredFact) {
            guard case .schoolsMerged(let merged, let into, _, _) = fact.event, visited.contains(into.rawValue) else { return }
            for school in merged where !visited.contains(school.rawValue) { pending.insert(school.rawValue) }
        }
        while true {
            while let key = pending.popFirst() {
                guard visited.insert(key).inserted else { continue }
                if let base {
                    guard !base.staleKeys.contains(key) else { return nil }
                    state.take(key, from: base.state)
                }
                var positions: [Int64] = []
                try rows.query([.text(key), .integer(upto), .integer(after), .integer(through)]) { row in
                    positions.append(row.integer(0))
                    return true
                }
                for seq in positions where !skipped.contains(seq) {
                    if let known = facts[seq] {
                        follow(known)
                    } else if let fact = try standingFact(at: seq, upto: upto, corrections: corrections, excluding: excluding) {
                        facts[seq] = fact
                        follow(fact)
                    } else {
                        skipped.insert(seq)
                    }
                }
            }
            guard let inject, facts[inject.seq] == nil, inject.fact.effective.ordinal > after,
                  inject.fact.effective.ordinal <= through, !inject.fact.event.recordKeys.isDisjoint(with: visited) else { break }
            facts[inject.seq] = inject.fact
            follow(inject.fact)
        }
        var onDay: RegistryState?
        for (_, fact) in facts.sorted(by: { ($0.value.effective, $0.key) < ($1.value.effective, $1.key) }) {
            if onDay == nil, let day, fact.effective > day { onDay = state }
            state.apply(fact.event, on: fact.effective, precision: fact.precision)
        }
        let captured = onDay ?? state
        return (captured, allTime ? state : captured)
    }

    /// The fact that the entry at `seq` of the entity index stands for as known at `upto`: the event itself
    /// when no correction decides it, the replacement when `seq` is the correction that decides its target;
    /// nil when it is superseded, excluded or does not decode.
    func standingFact(at seq: Int64, upto: Int64, corrections: CorrectionIndex, excluding: Int64?) throws -> StoredFact? {
        guard seq != excluding else { return nil }
        if let correction = corrections.correction(at: seq) {
            guard correction.target != excluding, corrections.deciding(correction.target, upto: upto)?.seq == seq,
                  case .eventCorrected(_, _, let replacement)? = try fact(at: seq)?.event else { return nil }
            return StoredFact(event: replacement.event, effective: replacement.effective, precision: replacement.precision)
        }
        guard corrections.deciding(seq, upto: upto) == nil else { return nil }
        return try foldedFact(at: seq)
    }
}
