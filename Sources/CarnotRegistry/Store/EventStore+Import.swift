extension EventStore {
    /// Imports a published log: verifies its chain and every event against the registry's rules, and
    /// appends the events the store does not hold yet, in one transaction.
    ///
    /// Idempotent: events already in the store (same position, same hash) are skipped, so importing the same
    /// log twice adds nothing. A log that forks from the store, or any bad event, aborts the whole import
    /// and nothing is written.
    /// - Parameter progress: called with (events done, total) every few thousand events.
    public func importLog(_ entries: [LogFile.Entry], progress: ((Int, Int) -> Void)? = nil) throws(StoreError) -> ImportResult {
        guard !isReadOnly else { throw .readOnly }
        return try guarded {
            try connection.transaction {
                try refresh()
                var present = 0
                var appended = 0
                let storedHash = try connection.statement("SELECT hash FROM events WHERE seq = ?1")
                try abandoningLiveStateOnError {
                    for (index, entry) in entries.enumerated() {
                        let event = entry.event
                        func fail(_ kind: LogLineError.Kind, _ message: String) -> LogLineError {
                            LogLineError(file: entry.file, line: entry.line, kind: kind, message: message)
                        }
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
                        do {
                            try DecisionValidator(store: self).validate(event.event, effective: event.effective)
                        } catch let error as ValidationError {
                            throw fail(.invalid, error.description)
                        }
                        try absorb(try insert(event))
                        appended += 1
                        if let progress, (index + 1) % 5_000 == 0 { progress(index + 1, entries.count) }
                    }
                }
                progress?(entries.count, entries.count)
                return ImportResult(read: entries.count, alreadyPresent: present, appended: appended,
                                    head: try liveState().head)
            }
        }
    }
}
