extension EventStore {
    /// What `append` would write for `drafts` now, written nowhere: a dry run.
    ///
    /// The decision goes through the append path itself (`record`: the same validation, ids, record time
    /// and chain hashes) inside a transaction that is then rolled back, so the preview cannot disagree with
    /// the rules. The file is left as it was; the in-memory state, which absorbed the events, is dropped and
    /// read again when next needed. The idempotency key is not consulted: a dry run shows new events.
    ///
    /// ```swift
    /// let events = try store.preview([draft])   // [RecordedEvent] with seq, id, recorded, prev, hash
    /// ```
    /// - Parameters:
    ///   - drafts: the decision's events.
    ///   - expectedHead: when given, fails with `.conflict` unless the log's head is this position.
    /// - Returns: the events as they would be recorded if appended at this instant.
    /// - Throws: `StoreError`, as `append` would for the same decision.
    public func preview(_ drafts: [EventDraft], expectedHead: Int64? = nil) throws(StoreError) -> [RecordedEvent] {
        guard !isReadOnly else { throw .readOnly }
        guard !drafts.isEmpty else {
            throw .invalid(ValidationError(field: "events", rule: "a decision holds at least one event"))
        }
        /// Carries the would-be events out of the transaction, whose rollback it causes.
        struct RolledBack: Error { let events: [RecordedEvent] }
        defer { live = nil }
        // The write's caches are for its own transaction only.
        defer { forgetWriteCaches() }
        return try guarded {
            do {
                try connection.transaction {
                    try refresh()
                    let head = try liveState().head
                    if let expectedHead, expectedHead != head.seq {
                        throw StoreError.conflict(expected: expectedHead, actual: head.seq)
                    }
                    let last = try record(drafts)
                    throw RolledBack(events: try events(from: head.seq + 1, through: last.seq))
                }
            } catch let rolledBack as RolledBack {
                return rolledBack.events
            }
            throw StoreError.integrity("a dry run's transaction committed; it must always roll back")
        }
    }
}
