extension EventStore {
    /// What a fold produced: the state, and the latest effective day among the facts it applied.
    struct Folded {
        var state: RegistryState
        var latest: Day?
    }

    /// Folds onto `base` (the state on day `after`, or the empty state when nil) the facts effective in
    /// (`after`, `through`] as known at position `upto`, in (effective day, position) order: the same facts,
    /// in the same order, as `Timeline.facts` gives for that range.
    ///
    /// Streams the events from the `events_effective` index, so memory holds one event at a time. The
    /// superseded events are skipped by position (`CorrectionIndex`) without being decoded, and the
    /// standing replacements are merged in at their own day.
    /// - Parameters:
    ///   - corrections: every correction in the log (those after `upto` are ignored).
    ///   - excluding: an event to leave out with all its corrections (validating a correction of it).
    ///   - inject: a fact not in the log, folded at its day as if recorded at `seq` (a replacement put in the
    ///     place of the excluded event, to check what would follow from it).
    ///   - capturing: days on which to hand the state (every fact effective on or before the day) to `capture`.
    ///   - observe: called with each fact as it is applied.
    ///
    /// `base` is consumed: a caller that hands over its only copy (a checkpoint just decoded) spares the fold
    /// a copy of every table of the state on its first change.
    func fold(_ base: consuming RegistryState, after: Day?, through: Day? = nil, upto: Int64, corrections: CorrectionIndex,
              excluding: Int64? = nil, inject: (fact: StoredFact, seq: Int64)? = nil, capturing days: [Day] = [],
              capture: (Day, RegistryState) -> Void = { _, _ in },
              observe: (StoredFact) -> Void = { _ in }) throws -> Folded {
        var state = consume base
        var latest: Day?
        var pendingDays = days.sorted()[...]
        var replacements = corrections.standingReplacements(after: after, through: through ?? .latest, upto: upto)
            .filter { $0.target != excluding }[...]

        func apply(_ fact: StoredFact, seq: Int64) {
            while let day = pendingDays.first, day < fact.effective {
                capture(day, state)
                pendingDays.removeFirst()
            }
            state.apply(fact.event, on: fact.effective, precision: fact.precision)
            observe(fact)
            latest = fact.effective
        }
        var injected = inject.flatMap { pending in
            after.map { pending.fact.effective > $0 } ?? true && through.map { pending.fact.effective <= $0 } ?? true
                ? pending : nil
        }
        /// Applies the replacements (and the injected fact) that come before `bound` in fold order.
        func applyReplacements(before bound: (Day, Int64)?) throws {
            while true {
                let nextReplacement = replacements.first.map { ($0.day!, $0.seq) }
                let nextInjected = injected.map { ($0.fact.effective, $0.seq) }
                // The earlier of the two, the replacement on a tie; without an array, as this runs per row.
                let key: (Day, Int64)
                switch (nextReplacement, nextInjected) {
                case (nil, nil): return
                case (let replacement?, nil): key = replacement
                case (nil, let injected?): key = injected
                case (let replacement?, let injected?): key = injected < replacement ? injected : replacement
                }
                guard bound.map({ key < $0 }) ?? true else { return }
                if let pending = injected, let nextInjected, nextInjected == key {
                    injected = nil
                    apply(pending.fact, seq: pending.seq)
                    continue
                }
                let next = replacements.removeFirst()
                guard case .eventCorrected(_, _, let replacement)? = try fact(at: next.seq)?.event else { continue }
                apply(StoredFact(event: replacement.event, effective: replacement.effective,
                                 precision: replacement.precision), seq: next.seq)
            }
        }

        let caching = connection.inWriteTransaction
        let statement = try connection.statement("""
            SELECT seq, effective, body FROM events
            WHERE effective > ?1 AND effective <= ?2 AND seq <= ?3 ORDER BY effective, seq
            """)
        let lower = after.map { Int64($0.ordinal) } ?? .min
        let upper = through.map { Int64($0.ordinal) } ?? .max
        try statement.query([.integer(lower), .integer(upper), .integer(upto)]) { row in
            let seq = row.integer(0)
            if seq == excluding || corrections.mentions(seq)
                && (corrections.isCorrection(seq) || corrections.deciding(seq, upto: upto) != nil) {
                return true
            }
            if !replacements.isEmpty || injected != nil {
                try applyReplacements(before: (Day(ordinal: Int32(row.integer(1))), seq))
            }
            // Inside a write, the facts it inserted last are kept decoded (`recentFacts`).
            if caching, let known = recentFacts.fact(at: seq) {
                apply(known, seq: seq)
                return true
            }
            guard let fact = try readableFact(seq: seq, row: row, column: 2) else { return true }
            apply(fact, seq: seq)
            return true
        }
        try applyReplacements(before: nil)
        for day in pendingDays { capture(day, state) }
        return Folded(state: state, latest: latest)
    }

    /// The fact in `column` of `row`, or nil when this build cannot decode it: such an event (written by an
    /// older or faulty build) is left out of the fold and reported through `warn`, so that the store stays
    /// usable, can still record the retraction or correction that settles it, and `verify` names it.
    func readableFact(seq: Int64, row: SQLiteRow, column: Int32) throws -> StoredFact? {
        do {
            return try row.withBytes(column) { bytes in try Self.storedFact(seq: seq, body: bytes) }
        } catch let error as StoreError {
            guard case .integrity(let reason) = error else { throw error }
            leaveOut(seq: seq, reason: reason)
            return nil
        }
    }

    /// Records that the event at `seq` does not decode (`reason`) and warns of it, once per process.
    func leaveOut(seq: Int64, reason: String) {
        if undecodable.updateValue(reason, forKey: seq) == nil {
            warn("warning: \(reason); it is left out of every answer until it is retracted or corrected (`carnot retract \(seq) --reason ...`), and `carnot verify` fails on it")
        }
    }

    /// The fact stored at `seq`, decoded from its body.
    func fact(at seq: Int64) throws -> StoredFact? {
        try connection.statement("SELECT body FROM events WHERE seq = ?1").first([.integer(seq)]) { row in
            try row.withBytes(0) { bytes in try Self.storedFact(seq: seq, body: bytes) }
        }
    }

    /// Decodes what a fold needs of a stored body; a body that does not decode is a damaged store.
    static func storedFact(seq: Int64, body: UnsafeBufferPointer<UInt8>) throws -> StoredFact {
        do {
            return try FactDecoder.decode(UnsafeRawBufferPointer(body))
        } catch {
            throw StoreError.integrity("event \(seq) does not decode: \(error)")
        }
    }
}
