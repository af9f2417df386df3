extension EventStore {
    /// Imports a published log: verifies its chain and every event against the registry's rules, and
    /// appends the events the store does not hold yet, in one transaction.
    ///
    /// Idempotent: events already in the store (same position, same hash) are skipped, so importing the same
    /// log twice adds nothing. A log that forks from the store, or any bad event, aborts the whole import
    /// and nothing is written.
    ///
    /// Every event is checked as an append checks it: read back through the log's readers, then against the
    /// rules on its day as the log stood at its position. Its record time may not lie in the future (beyond
    /// `EventStore.allowedClockSkew` of the importing clock), so that no line can stamp every later append
    /// with a time to come.
    /// - Parameters:
    ///   - expectedHead: a published head (`SEQ:HASH`) the log must hold, checked inside the import's one
    ///     transaction, so that a re-hashed forgery of a published log is refused whole and nothing is written.
    ///   - progress: called with (events done, total) every few thousand events.
    public func importLog(_ entries: [LogFile.Entry], expectedHead: LogHead? = nil,
                          progress: ((Int, Int) -> Void)? = nil) throws(StoreError) -> ImportResult {
        var remaining = entries[...]
        return try importLog(from: { remaining.popFirst() }, expectedHead: expectedHead,
                             progress: progress.map { report in { done in report(done, entries.count) } })
    }

    /// Imports a published log read one event at a time from `next` (a `LogFile.Reader`), as
    /// `importLog(_:expectedHead:progress:)` does: memory holds one event, not the log.
    ///
    /// ```swift
    /// let reader = try LogFile.Reader("published/")
    /// let result = try store.importLog(from: reader.next)
    /// ```
    /// - Parameters:
    ///   - next: the next event of the log, nil after the last; what it throws (a bad line) aborts the import.
    ///   - progress: called with the events done every few thousand events.
    ///   - afterEach: called with the position of each event appended, once it is in the state, inside the
    ///     import's transaction (`verify` reads its replay's state at the positions of the checkpoints it checks).
    public func importLog(from next: () throws -> LogFile.Entry?, expectedHead: LogHead? = nil,
                          progress: ((Int) -> Void)? = nil,
                          afterEach: ((Int64) throws -> Void)? = nil) throws(StoreError) -> ImportResult {
        guard !isReadOnly else { throw .readOnly }
        // The write's caches are for its own transaction only.
        defer {
            forgetWriteCaches()
            deferringStaleDays = false
        }
        return try guarded {
            // One transaction, so that a bad line anywhere leaves the store as it was: SQLite spills what
            // does not fit its page cache to the write-ahead log, on disk, so its memory stays bounded.
            try connection.transaction {
                try refresh()
                let latestAllowed = Timestamp(microseconds: environment.now().microseconds + Self.allowedClockSkew)
                var read = 0
                var present = 0
                var appended = 0
                var lastSeq: Int64?
                let storedHash = try connection.statement("SELECT hash FROM events WHERE seq = ?1")
                let storedID = try connection.statement("SELECT seq FROM events WHERE id = ?1")
                deferringStaleDays = true
                try abandoningLiveStateOnError {
                    while let entry = try next() {
                        let event = entry.event
                        read += 1
                        lastSeq = event.seq
                        func fail(_ kind: LogLineError.Kind, _ message: String) -> LogLineError {
                            LogLineError(file: entry.file, line: entry.line, kind: kind, message: message)
                        }
                        if let expectedHead, event.seq == expectedHead.seq { try checkPublishedHead(expectedHead, at: entry) }
                        // Only the head is read here: holding a copy of the state while `absorb` changes it would copy it.
                        let (head, lastRecorded) = try { let state = try liveState(); return (state.head, state.lastRecorded) }()
                        if event.seq <= head.seq {
                            guard try storedHash.first([.integer(event.seq)], { $0.text(0) }) == event.hash else {
                                throw fail(.integrity, "seq \(event.seq): the store holds a different event at this position: the log forks from the store")
                            }
                            present += 1
                            continue
                        }
                        guard event.seq == head.seq + 1 else {
                            throw fail(.integrity, "seq \(event.seq): expected position \(head.seq + 1) (a gap or a reordering)")
                        }
                        guard event.prev == head.hash else {
                            throw fail(.integrity, "prev: does not match the hash of position \(head.seq): the chain is broken")
                        }
                        if head.seq > 0, event.recorded < lastRecorded {
                            throw fail(.integrity, "recorded: \(event.recorded) is before the previous event's record time")
                        }
                        guard event.recorded <= latestAllowed else {
                            throw fail(.invalid, "recorded: \(event.recorded) lies in the future (this clock reads \(environment.now()), and at most \(Self.allowedClockSkew / 1_000_000) s of clock skew is allowed): a record time is when the event was recorded, never later than now")
                        }
                        do {
                            // The line was read by the full decoder (`LogFile.entry`) and proven canonical; when
                            // it proved the line (`LineProof`), it made the readback check too.
                            if let proof = entry.proof {
                                if let unreadable = proof.unreadable { throw unreadable }
                            } else {
                                try EventSchema.checkReadable(event, body: entry.body, fullReaderDone: true)
                            }
                            try settle(before: event.event, effective: event.effective)
                            try DecisionValidator(store: self).validate(event.event, effective: event.effective)
                        } catch let error as ValidationError {
                            throw fail(.invalid, error.description)
                        } catch let error as EventFormatError {
                            throw fail(.invalid, error.description)
                        }
                        let inserted: RecordedEvent
                        do {
                            inserted = try insert(event, body: entry.body, proof: entry.proof)
                        } catch let error as SQLiteError where error.isUniqueViolation {
                            // The unique index on `events.id` refuses a taken id, so the id is looked up only
                            // then: a lookup before every insert was 11 % of an import's CPU at 1M events.
                            guard let other = try storedID.first([.text(event.id)], { $0.integer(0) }) else { throw error }
                            throw fail(.invalid, "id: '\(event.id)' is already the id of event \(other); event ids are unique")
                        }
                        try absorb(inserted)
                        try afterEach?(event.seq)
                        appended += 1
                        if let progress, read % 5_000 == 0 { progress(read) }
                    }
                    try settleLiveState()
                    if appended > 0 { try rewriteStaleCheckpoints() }
                }
                if let expectedHead, lastSeq.map({ $0 < expectedHead.seq }) ?? true {
                    try checkStoredHead(expectedHead, logEnd: lastSeq ?? 0)
                }
                try refreshFrontCheckpoint()
                progress?(read)
                return ImportResult(read: read, alreadyPresent: present, appended: appended, head: try liveState().head)
            }
        }
    }

    /// How far an imported record time may lie ahead of the importing clock: five minutes, for clocks of
    /// publishing and importing machines that disagree a little.
    public static let allowedClockSkew: Int64 = 300_000_000

    /// Refuses the log when its event at the published head's position is not the published one. Checked
    /// inside the import's transaction, which it rolls back: nothing is written.
    private func checkPublishedHead(_ head: LogHead, at entry: LogFile.Entry) throws {
        guard entry.event.hash == head.hash else {
            throw LogLineError(file: entry.file, line: entry.line, kind: .integrity,
                               message: "seq \(head.seq): hash \(entry.event.hash.prefix(16))... is not the published head's \(head.hash.prefix(16))...: the log was rewritten; nothing was imported")
        }
    }

    /// Refuses a log that ends before the published head, unless the store already held that head.
    private func checkStoredHead(_ head: LogHead, logEnd: Int64) throws {
        if let stored = try connection.statement("SELECT hash FROM events WHERE seq = ?1").first([.integer(head.seq)], { $0.text(0) }),
           stored == head.hash { return }
        throw StoreError.integrity("the log does not reach the published head \(head.seq) (it ends at \(logEnd)); nothing was imported")
    }
}
