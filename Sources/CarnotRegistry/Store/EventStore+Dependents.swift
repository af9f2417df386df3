extension EventStore {
    /// An event recorded after a retraction's or correction's target that the rules would refuse without it.
    struct BrokenDependent {
        let seq: Int64
        let error: ValidationError
    }

    /// The events recorded after `original` that the rules would refuse in a log without it, or with
    /// `replacement` in its place: each is checked as `import` checks it, against the registry on its day as
    /// the log stood when it was recorded, minus the original (plus the replacement).
    ///
    /// Only the events sharing a rule key with the original or the replacement can change (`Event.ruleKeys`);
    /// events already retracted or replaced as known now no longer count. Replacements carried by later
    /// corrections are not re-checked here: they were checked against the log without their own target.
    /// - Parameter original: the target, or nil when it does not decode (then only the replacement's keys count:
    ///   the folds already leave the target out).
    func brokenDependents(of target: Int64, original: RecordedEvent?, replacement: Correction?, live: LiveState) throws -> [BrokenDependent] {
        let keys = (original?.event.ruleKeys ?? []).union(replacement?.event.ruleKeys ?? [])
        guard !keys.isEmpty else { return [] }
        // The candidates come from the entity index: the later events filed under one of the keys.
        var positions = Set<Int64>()
        for key in keys { positions.formUnion(try self.positions(filedUnder: key, after: target)) }
        var candidates: [(seq: Int64, fact: StoredFact)] = []
        for seq in positions.sorted() {
            guard !live.corrections.isCorrection(seq), live.corrections.deciding(seq, upto: live.head.seq) == nil,
                  let fact = try foldedFact(at: seq)
            else { continue }
            if !fact.event.ruleKeys.isDisjoint(with: keys) { candidates.append((seq, fact)) }
        }
        let injected = replacement.map {
            (fact: StoredFact(event: $0.event, effective: $0.effective, precision: $0.precision), seq: target)
        }
        // Each is folded from a checkpoint before every day the target has stood on and the replacement's.
        let start = try [earliestDay(standingFor: target, live: live), replacement?.effective].compactMap { $0 }.min()
        var broken: [BrokenDependent] = []
        for candidate in candidates {
            let day = candidate.fact.effective
            let allTime = candidate.fact.event.readsAllTime
            let base = try validCheckpoint(onOrBefore: min(start ?? day, day).adding(days: -1), upto: candidate.seq - 1)
            let states = try entityStates(candidate.fact.event.ruleKeys, on: day, allTime: allTime, upto: candidate.seq - 1,
                                          corrections: live.corrections, excluding: target, inject: injected, from: base)
            do {
                try DecisionValidator(store: self).checkDomain(candidate.fact.event, effective: day, on: states.onDay,
                                                               allTime: states.allTime)
            } catch {
                broken.append(BrokenDependent(seq: candidate.seq, error: error))
            }
        }
        return broken
    }

    /// The earliest day the event at `target` has stood on: its own, or any of its replacements'. Nil when
    /// it is not in the log.
    func earliestDay(standingFor target: Int64, live: LiveState) throws -> Day? {
        guard var earliest = try connection.statement("SELECT effective FROM events WHERE seq = ?1")
            .first([.integer(target)], { Day(ordinal: Int32($0.integer(0))) }) else { return nil }
        var position = live.corrections.deciding(target, upto: live.head.seq)
        while let correction = position {
            if let day = correction.day { earliest = min(earliest, day) }
            position = live.corrections.deciding(target, upto: correction.seq - 1)
        }
        return earliest
    }
}
