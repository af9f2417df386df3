extension EventStore {
    /// Folds again, before `event` (effective on `effective`) is validated and absorbed, the unsettled records
    /// of the in-memory state that its validation or its absorption reads (`LiveState.unsettled(readBy:on:)`).
    func settle(before event: Event, effective: Day) throws {
        // Asked of `live` in place: a copy of it held here would make the settle below copy the whole state.
        guard let keys = live.map({ $0.unsettled(readBy: event, on: effective) }), keys?.isEmpty != true else { return }
        try settleLiveState(keys: keys)
    }

    /// Folds again every unsettled record: at the end of a write, before the state is encoded or handed out.
    func settleLiveState(keys: Set<String>? = nil) throws {
        guard var state = live, !state.unsettled.isEmpty else { return }
        // `state` must own the state alone, or the first change would copy all of it.
        live = nil
        try settle(&state, keys: keys)
        live = state
    }

    /// Folds again the unsettled records among `keys` (all of them when nil) in `state`.
    func settle(_ state: inout LiveState, keys: Set<String>?) throws {
        guard let from = state.unsettledFrom else { return }
        var wanted = keys.map { $0.intersection(state.unsettled) } ?? state.unsettled
        guard !wanted.isEmpty else { return }
        // The records the write's validation has cursors for are moved on from them (`settledRecord`).
        for key in wanted {
            guard let record = try settledRecord(key, upto: state.head.seq, corrections: state.corrections) else { continue }
            state.current.take(key, from: record)
            state.unsettled.remove(key)
            wanted.remove(key)
        }
        guard !wanted.isEmpty else {
            if state.unsettled.isEmpty { state.unsettledFrom = nil }
            return
        }
        let foldAll = try foldingAllReadsLess(than: wanted, from: from, upto: state.head.seq)
        if let refreshed = try refreshRecords(&state, keys: foldAll ? nil : wanted, from: from, upto: state.head.seq) {
            state.unsettled.subtract(refreshed)
        } else {
            state.unsettled = []
        }
        if state.unsettled.isEmpty { state.unsettledFrom = nil }
    }

    /// True when folding the whole state again from before `day` reads fewer rows than folding the records
    /// of `keys` from the entity index. The entity folds read each fact's row by position, one page each,
    /// in no order; the whole fold reads the events in the order of the file, many to a page. Settling a
    /// decision that changed most institutes of a large log (each with hundreds of later facts) reads the
    /// log from the day once instead of a scattered page per fact.
    ///
    /// The whole fold starts from the newest checkpoint before `day` that holds in full, which after an
    /// earlier back-dated event of the write (whose checkpoints stay stale until the next interval) can lie
    /// long before `day`: the events are counted from there. The entity folds may start from a stale one that
    /// holds their records (`checkpoint(holding:)`); their facts are counted from `day`.
    ///
    /// The events are counted only as far as the comparison needs: a settle of a few records, as after any
    /// decision with a back-dated event, must not count the hundreds of thousands of events after an early
    /// day (that count cost 70 ms of CPU on the 1M log, per decision).
    private func foldingAllReadsLess(than keys: Set<String>, from day: Day, upto: Int64) throws -> Bool {
        guard keys.count > 1 else { return false }
        var facts: Int64 = 0
        let count = try connection.statement("SELECT count(*) FROM entity_events WHERE entity = ?1 AND writes = 1 AND effective >= ?2")
        for key in keys { facts += try count.first([.text(key), .integer(Int64(day.ordinal))]) { $0.integer(0) } ?? 0 }
        let bound = facts * Self.scatteredReadCost
        // The day after the checkpoint the whole fold would start from (a damaged one, which the fold skips,
        // is not looked for here: the estimate is then low, as before).
        let start = try connection.statement(
            "SELECT max(day) FROM checkpoints WHERE day < ?1 AND position <= ?2 AND (stale_from IS NULL OR stale_from > ?2)")
            .first([.integer(Int64(day.ordinal)), .integer(upto)]) { $0.isNull(0) ? Int64.min : $0.integer(0) + 1 } ?? .min
        let after = try connection.statement("SELECT count(*) FROM (SELECT 1 FROM events WHERE effective >= ?1 AND seq <= ?2 LIMIT ?3)")
            .first([.integer(start), .integer(upto), .integer(bound)]) { $0.integer(0) } ?? bound
        return after < bound
    }

    /// How many rows read in file order are taken to cost as much as one read by position: a cautious guess
    /// (a page of 4 KiB holds about eight events), not a measured constant. The 4,000-event decision of
    /// `carnot-bench backdated --kind mix` at 1M lies near the line: the 200 institutes it changes have about
    /// 146,000 facts after its first day, the log about 608,000 events.
    static let scatteredReadCost: Int64 = 4
}
