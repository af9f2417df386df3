extension EventStore {
    /// The in-memory state of the log, loaded on first use and again whenever the file's head is no longer
    /// the one this process last saw (another process appended, or the file was replaced).
    func liveState() throws -> LiveState {
        if let live { return live }
        let loaded = try loadLiveState()
        live = loaded
        return loaded
    }

    /// Brings the in-memory state up to the file. Cheap when nothing changed: one indexed read of the head.
    func refresh() throws(StoreError) {
        try guarded {
            guard let live else { _ = try liveState(); return }
            if try storedHead().head != live.head {
                self.live = nil
                _ = try liveState()
            }
        }
    }

    private func storedHead() throws -> (head: LogHead, recorded: Timestamp) {
        try connection.statement("SELECT seq, hash, recorded FROM events ORDER BY seq DESC LIMIT 1").first { row in
            (LogHead(seq: row.integer(0), hash: row.text(1)), Timestamp(microseconds: row.integer(2)))
        } ?? (.empty, Timestamp(microseconds: 0))
    }

    /// Reads the head and the corrections, then folds the state after every fact from the newest valid
    /// checkpoint (the empty state when there is none).
    private func loadLiveState() throws -> LiveState {
        var loaded = LiveState()
        (loaded.head, loaded.lastRecorded) = try storedHead()
        try connection.statement("SELECT seq, target, day FROM corrections WHERE seq <= ?1 ORDER BY seq")
            .query([.integer(loaded.head.seq)]) { row in
                let day = row.isNull(2) ? nil : Day(ordinal: Int32(row.integer(2)))
                loaded.corrections.add(.init(seq: row.integer(0), target: row.integer(1), day: day))
                return true
            }
        let checkpoints = try checkpointSummary(upto: loaded.head.seq)
        loaded.lastCheckpointPosition = checkpoints.lastPosition
        loaded.latestCheckpointDay = checkpoints.latestDay
        let base = try validCheckpoint(onOrBefore: .latest, upto: loaded.head.seq)
        var lastWrites = LastWrites(coverage: base?.day)
        let folded = try fold(base?.state ?? RegistryState(), after: base?.day, upto: loaded.head.seq,
                              corrections: loaded.corrections, observe: { fact in lastWrites.record(fact.event, on: fact.effective) })
        loaded.current = folded.state
        loaded.lastWrites = lastWrites
        loaded.latestEffective = [base?.day, folded.latest].compactMap { $0 }.max()
        return loaded
    }

    /// Updates the in-memory state for an event this process has just inserted, and the derived tables:
    /// the correction index, stale checkpoints, and new checkpoints when an interval has passed.
    func absorb(_ recorded: RecordedEvent) throws {
        var state = try liveState()
        // `state` must own the state alone, or the first change would copy all of it; if anything below
        // fails, the state is read again from the file when next needed.
        live = nil
        var affected: Day?
        switch recorded.event {
        case .eventRetracted(let target, _), .eventCorrected(let target, _, _):
            var replacementDay: Day?
            if case .eventCorrected(_, _, let replacement) = recorded.event { replacementDay = replacement.effective }
            let original = try connection.statement("SELECT effective FROM events WHERE seq = ?1")
                .first([.integer(target)]) { Day(ordinal: Int32($0.integer(0))) }
            // The facts it changes: the original (or the replacement that stood until now) and its own.
            let superseded = state.corrections.deciding(target, upto: recorded.seq - 1).map { $0.day } ?? original
            affected = [superseded, replacementDay].compactMap { $0 }.min()
            try connection.statement("INSERT INTO corrections (seq, target, day) VALUES (?1, ?2, ?3)").execute([
                .integer(recorded.seq), .integer(target), replacementDay.map { .integer(Int64($0.ordinal)) } ?? .null,
            ])
            state.corrections.add(.init(seq: recorded.seq, target: target, day: replacementDay))
            if let replacementDay { state.latestEffective = max(state.latestEffective ?? replacementDay, replacementDay) }
        default:
            let day = recorded.effective
            // Before the latest fact, or on or before a checkpoint's day (which a process that has just loaded
            // can see, its latest fact having been retracted): the order of facts changes.
            if state.isBackDated(day) || state.latestCheckpointDay.map({ day <= $0 }) == true {
                if let onTop = state.lastWrites.appliesOnTop(recorded.event, on: day) {
                    // It commutes with every later fact: no refold, only the checkpoints it changes go stale.
                    try invalidateCheckpoints(from: day, by: recorded.seq, latestDay: state.latestCheckpointDay)
                    if onTop {
                        state.current.apply(recorded.event, on: day, precision: recorded.precision)
                        state.lastWrites.record(recorded.event, on: day)
                    }
                } else {
                    affected = day
                }
            } else {
                if let latest = state.latestEffective, day > latest,
                   recorded.seq - 1 - state.lastCheckpointPosition >= Int64(checkpointInterval) {
                    try writeCheckpoints(&state, front: latest, position: recorded.seq - 1)
                }
                state.current.apply(recorded.event, on: day, precision: recorded.precision)
                state.lastWrites.record(recorded.event, on: day)
                state.latestEffective = day
            }
        }
        state.head = LogHead(seq: recorded.seq, hash: recorded.hash)
        state.lastRecorded = recorded.recorded
        if let affected { try refold(&state, from: affected, by: recorded.seq) }
        live = state
    }

    /// After an event that changes facts on or after `day` in a way that does not commute: marks the
    /// checkpoints it makes stale and folds the state after every fact again from the newest checkpoint
    /// before `day`.
    private func refold(_ state: inout LiveState, from day: Day, by seq: Int64) throws {
        try invalidateCheckpoints(from: day, by: seq, latestDay: state.latestCheckpointDay)
        let base = try validCheckpoint(onOrBefore: day.adding(days: -1), upto: seq)
        var lastWrites = state.lastWrites
        lastWrites.forget(after: base?.day)
        let folded = try fold(base?.state ?? RegistryState(), after: base?.day, upto: seq,
                              corrections: state.corrections, observe: { fact in lastWrites.record(fact.event, on: fact.effective) })
        state.current = folded.state
        state.lastWrites = lastWrites
        state.latestEffective = [state.latestEffective, folded.latest].compactMap { $0 }.max()
    }
}
