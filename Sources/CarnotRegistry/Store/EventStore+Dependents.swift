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
        var candidates: [(seq: Int64, fact: StoredFact)] = []
        try connection.statement("SELECT seq, body FROM events WHERE seq > ?1 ORDER BY seq")
            .query([.integer(target)]) { row in
                let seq = row.integer(0)
                guard !live.corrections.isCorrection(seq), live.corrections.deciding(seq, upto: live.head.seq) == nil else {
                    return true
                }
                guard let fact = try readableFact(seq: seq, row: row, column: 1) else { return true }
                if !fact.event.ruleKeys.isDisjoint(with: keys) { candidates.append((seq, fact)) }
                return true
            }
        let injected = replacement.map {
            (fact: StoredFact(event: $0.event, effective: $0.effective, precision: $0.precision), seq: target)
        }
        var broken: [BrokenDependent] = []
        for candidate in candidates {
            let day = candidate.fact.effective
            let start = [original?.effective, replacement?.effective, day].compactMap { $0 }.min()!.adding(days: -1)
            let base = try validCheckpoint(onOrBefore: start, upto: candidate.seq - 1)
            let allTime = candidate.fact.event.readsAllTime
            var onDay = RegistryState()
            let folded = try fold(base?.state ?? RegistryState(), after: base?.day, through: allTime ? nil : day,
                                  upto: candidate.seq - 1, corrections: live.corrections, excluding: target,
                                  inject: injected, capturing: [day]) { _, state in onDay = state }
            do {
                try DecisionValidator(store: self).checkDomain(candidate.fact.event, effective: day, on: onDay,
                                                               allTime: allTime ? folded.state : onDay)
            } catch {
                broken.append(BrokenDependent(seq: candidate.seq, error: error))
            }
        }
        return broken
    }
}
