extension EventStore {
    /// The state on `day` as known at position `upto`, recomputed from the stored events alone by the rules
    /// of `Timeline` (not from the checkpoints, the correction index or the in-memory state): what
    /// `carnot snapshot` writes and `carnot audit` checks a snapshot against.
    ///
    /// Equal to `Timeline.state(of: events(), at: day, upto: upto)`, but streamed: the events come in fold
    /// order from the `events_effective` index, so memory holds the corrections (a few percent of a log)
    /// and one event, not the log. Each event's effective day is read from its body and must agree with the
    /// indexed column that orders it.
    ///
    /// ```swift
    /// let state = try store.recomputedState(at: Day(year: 2020, month: 2, day: 7)!, upto: try store.head().seq)
    /// ```
    /// - Throws: `StoreError.integrity` when a body does not decode or disagrees with its indexed day.
    public func recomputedState(at day: Day, upto: Int64) throws(StoreError) -> RegistryState {
        try guarded {
            // One read transaction: both passes see the same commit, even while another process appends.
            try connection.transaction(immediate: false) {
                let deciding = try decidingCorrections(upto: upto)
                var replacements = deciding.values.compactMap { correction in
                    correction.replacement.flatMap { $0.effective <= day ? (seq: correction.seq, fact: $0) : nil }
                }.sorted { ($0.fact.effective, $0.seq) < ($1.fact.effective, $1.seq) }[...]
                var state = RegistryState()
                func apply(_ fact: StoredFact) { state.apply(fact.event, on: fact.effective, precision: fact.precision) }
                try connection.statement("""
                    SELECT seq, effective, body FROM events WHERE effective <= ?1 AND seq <= ?2 ORDER BY effective, seq
                    """).query([.integer(Int64(day.ordinal)), .integer(upto)]) { row in
                    let seq = row.integer(0)
                    // Superseded, or a correction itself (whose replacement, if it stands, is merged in below).
                    if deciding[seq] != nil { return true }
                    let fact = try row.withBytes(2) { bytes in try Self.storedFact(seq: seq, body: bytes) }
                    switch fact.event {
                    case .eventRetracted, .eventCorrected: return true
                    default: break
                    }
                    guard Int64(fact.effective.ordinal) == row.integer(1) else {
                        throw StoreError.integrity("event \(seq): its indexed effective day disagrees with its body; run `carnot verify`")
                    }
                    while let next = replacements.first, (next.fact.effective, next.seq) < (fact.effective, seq) {
                        apply(next.fact)
                        replacements.removeFirst()
                    }
                    apply(fact)
                    return true
                }
                for replacement in replacements { apply(replacement.fact) }
                return state
            }
        }
    }

    /// Per corrected position, the correction known at `upto` that decides it (the latest), with its
    /// replacement (nil for a retraction); read from the corrections' own bodies.
    private func decidingCorrections(upto: Int64) throws -> [Int64: (seq: Int64, replacement: StoredFact?)] {
        var deciding: [Int64: (seq: Int64, replacement: StoredFact?)] = [:]
        try connection.statement("""
            SELECT seq, body FROM events WHERE type IN ('event.retracted', 'event.corrected') AND seq <= ?1 ORDER BY seq
            """).query([.integer(upto)]) { row in
            let seq = row.integer(0)
            switch try row.withBytes(1, { bytes in try Self.storedFact(seq: seq, body: bytes) }).event {
            case .eventRetracted(let target, _): deciding[target] = (seq, nil)
            case .eventCorrected(let target, _, let replacement):
                deciding[target] = (seq, StoredFact(event: replacement.event, effective: replacement.effective,
                                                    precision: replacement.precision))
            default: throw StoreError.integrity("event \(seq): its indexed type disagrees with its body; run `carnot verify`")
            }
            return true
        }
        return deciding
    }
}
