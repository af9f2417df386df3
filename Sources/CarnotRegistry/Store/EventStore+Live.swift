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
        forgetWriteCaches()
        try guarded {
            guard let live else { _ = try liveState(); return }
            if try storedHead().head != live.head {
                self.live = nil
                committedStaleWrites = [:]
                _ = try liveState()
            }
        }
    }

    private func storedHead() throws -> (head: LogHead, recorded: Timestamp) {
        try connection.statement("SELECT seq, hash, recorded FROM events ORDER BY seq DESC LIMIT 1").first { row in
            (LogHead(seq: row.integer(0), hash: row.text(1)), Timestamp(microseconds: row.integer(2)))
        } ?? (.empty, Timestamp(microseconds: 0))
    }

    /// Reads the head and the corrections, then folds the state after every fact from the newest checkpoint
    /// (the empty state when there is none).
    ///
    /// That checkpoint may be stale: back-dated events recorded after it wrote some of its records (its
    /// `staleKeys`, read from the events since it went stale). Those records are folded again from the entity
    /// index, as a write settles the records its back-dated events changed, at a cost independent of how far
    /// back they reached. So a back-dated decision need not write the front checkpoint again for the next
    /// process (`refreshFrontCheckpoint`). A checkpoint made stale by a retraction or a correction, which may
    /// change records it does not name, is passed over for an older one.
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
        var base = try checkpoint(onOrBefore: .latest, upto: loaded.head.seq, holding: [])
        let (day, staleKeys) = (base?.day, base?.staleKeys ?? [])
        let folded = try fold(base.take()?.state ?? RegistryState(), after: day, upto: loaded.head.seq,
                              corrections: loaded.corrections)
        loaded.current = folded.state
        loaded.latestEffective = [day, folded.latest].compactMap { $0 }.max()
        if let day, !staleKeys.isEmpty {
            try refreshRecords(&loaded, keys: staleKeys, from: day, upto: loaded.head.seq)
        }
        return loaded
    }

    /// Updates the in-memory state for an event this process has just inserted, and the derived tables:
    /// the correction index, stale checkpoints, and new checkpoints when an interval has passed.
    ///
    /// An event at the front of valid time is applied to the state. One that changes facts already known (a
    /// back-dated event, a retraction, a correction) changes only the records it writes (`Event.recordKeys`):
    /// those are marked unsettled, to be folded again from the entity index and put in place (`settle`), at a
    /// cost independent of the log's size; an office seat is such a record too (`RegistryState.offices` is
    /// grouped by office). A correction of an event that does not decode folds the whole state again.
    func absorb(_ recorded: RecordedEvent) throws {
        var state = try liveState()
        // `state` must own the state alone, or the first change would copy all of it; if anything below
        // fails, the state is read again from the file when next needed.
        live = nil
        var changed: (day: Day, keys: Set<String>?)?
        switch recorded.event {
        case .eventRetracted(let target, _), .eventCorrected(let target, _, _):
            var replacement: Correction?
            if case .eventCorrected(_, _, let replacing) = recorded.event { replacement = replacing }
            let original = try? fact(at: target)
            let originalDay = try connection.statement("SELECT effective FROM events WHERE seq = ?1")
                .first([.integer(target)]) { Day(ordinal: Int32($0.integer(0))) }
            // The facts it changes: the original (or the replacement that stood until now) and its own.
            let standing = state.corrections.deciding(target, upto: recorded.seq - 1)
            let superseded = standing.map { $0.day } ?? originalDay
            let day = [superseded, replacement?.effective].compactMap { $0 }.min()
            try connection.statement("INSERT INTO corrections (seq, target, day) VALUES (?1, ?2, ?3)").execute([
                .integer(recorded.seq), .integer(target), replacement.map { .integer(Int64($0.effective.ordinal)) } ?? .null,
            ])
            state.corrections.add(.init(seq: recorded.seq, target: target, day: replacement?.effective))
            if let replacementDay = replacement?.effective {
                state.latestEffective = max(state.latestEffective ?? replacementDay, replacementDay)
            }
            // The records written by the original, by every replacement that stood for it, and by the new one;
            // all records when the original does not decode (its keys are unknown).
            var keys: Set<String>? = original.map { $0.event.recordKeys.union(replacement?.event.recordKeys ?? []) }
            var earlier = standing
            while let correction = earlier, keys != nil {
                if correction.day != nil {
                    guard case .eventCorrected(_, _, let stood)? = try fact(at: correction.seq)?.event else { keys = nil; break }
                    keys?.formUnion(stood.event.recordKeys)
                }
                earlier = state.corrections.deciding(target, upto: correction.seq - 1)
            }
            if let day { changed = (day, keys) }
        default:
            let day = recorded.effective
            if state.isBackDated(day) {
                // Before the latest fact: the order of facts changes.
                changed = (day, recorded.event.recordKeys)
            } else {
                if let checkpointDay = state.latestCheckpointDay, day <= checkpointDay {
                    // On or before a checkpoint's day (the front's own day, or a later one that a process which
                    // has just loaded can see, its latest fact having been retracted), but after every fact:
                    // applied last, it leaves `current` exact; only the checkpoints of its day and after no
                    // longer hold. They are written again at the next interval; until then a process that
                    // loads folds from the one before, a few hundred events. Refreshing the front checkpoint
                    // here, as for a back-dated event, cost an encoding of the whole state per decision.
                    try invalidateCheckpoints(from: day, by: recorded.seq, latestDay: checkpointDay)
                } else if let latest = state.latestEffective, day > latest,
                          recorded.seq - 1 - state.lastCheckpointPosition >= Int64(checkpointInterval) {
                    // A checkpoint is written from `current`: every record must be exact first.
                    try settle(&state, keys: nil)
                    try writeCheckpoints(&state, front: latest, position: recorded.seq - 1)
                }
                state.current.apply(recorded.event, on: day, precision: recorded.precision)
                state.latestEffective = day
            }
        }
        state.head = LogHead(seq: recorded.seq, hash: recorded.hash)
        state.lastRecorded = recorded.recorded
        if let changed {
            // A process that loads folds again the records a back-dated event wrote (`loadLiveState`); it
            // cannot learn which records a retraction or a correction changed, so the front is written again.
            // Once an interval has passed without a front event (which writes the checkpoints), the front is
            // written too, so that a loader never reads more than an interval of events to learn them.
            // So is it once the write has changed more records than a loader should fold again.
            if changed.keys == nil || recorded.event.isCorrection
                || recorded.seq - state.lastCheckpointPosition >= Int64(checkpointInterval)
                || state.unsettled.count + (changed.keys?.count ?? 0) > Self.loaderRefoldLimit {
                state.frontCheckpointStale = true
            }
            try invalidateCheckpoints(from: changed.day, by: recorded.seq, latestDay: state.latestCheckpointDay)
            if let keys = changed.keys {
                // Folded again when next read, or when the write ends (`settle`).
                state.unsettled.formUnion(keys)
                state.unsettledFrom = min(state.unsettledFrom ?? changed.day, changed.day)
            } else {
                try refreshRecords(&state, keys: changed.keys, from: changed.day, upto: recorded.seq)
                state.unsettled = []
                state.unsettledFrom = nil
            }
        }
        live = state
    }

    /// A write whose back-dated events change more records than this has the front checkpoint written again:
    /// one encoding of the state, instead of every process that loads until the next interval folding them all.
    static let loaderRefoldLimit = 64

    /// Folds again the records of `keys` in the state after every fact, as known at `upto`, from the entity
    /// index. A merged school's record passes into the school it was merged into, which is refreshed too.
    ///
    /// With nil keys (the records written are unknown), the whole state is folded again from the newest
    /// checkpoint before `day` instead.
    /// - Returns: the keys whose records were folded again (with the schools merged into), nil when the whole
    ///   state was.
    @discardableResult
    func refreshRecords(_ state: inout LiveState, keys: Set<String>?, from day: Day, upto: Int64) throws -> Set<String>? {
        guard let keys else {
            let base = try validCheckpoint(onOrBefore: day.adding(days: -1), upto: upto)
            let folded = try fold(base?.state ?? RegistryState(), after: base?.day, upto: upto, corrections: state.corrections)
            state.current = folded.state
            state.latestEffective = [state.latestEffective, folded.latest].compactMap { $0 }.max()
            return nil
        }
        // A checkpoint made stale by an earlier back-dated event of this write still holds the records it did
        // not write: without it, each settle would fold from before the earliest such day until the next
        // interval rewrites the stale checkpoints.
        let base = try checkpoint(onOrBefore: day.adding(days: -1), upto: upto, holding: keys)
        return try refold(keys, in: &state.current, on: nil, upto: upto, corrections: state.corrections, from: base)
    }
}
