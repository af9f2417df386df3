import Crypto

extension EventStore {
    /// Appends a decision: all its events in one transaction, or none.
    ///
    /// - Parameters:
    ///   - drafts: the decision's events, validated against the log before anything is written.
    ///   - expectedHead: when given, the append fails with `.conflict` unless the log's head is this position.
    ///   - idempotencyKey: when given and already used for the same events, returns the original positions
    ///     and writes nothing; used for different events, fails with `.idempotencyMismatch`.
    /// - Returns: the positions written and the new head.
    /// - Throws: `StoreError`; on any error nothing is written.
    @discardableResult
    public func append(_ drafts: [EventDraft], expectedHead: Int64? = nil,
                       idempotencyKey: String? = nil) throws(StoreError) -> AppendResult {
        guard !isReadOnly else { throw .readOnly }
        guard !drafts.isEmpty else {
            throw .invalid(ValidationError(field: "events", rule: "a decision holds at least one event"))
        }
        // The write's caches are for its own transaction only.
        defer { forgetWriteCaches() }
        let result = try guarded {
            try connection.transaction {
                try refresh()
                let head = try liveState().head
                // The digest only when a key asks for it: it writes every event of the decision once more.
                let digest = idempotencyKey.map { _ in Self.digest(of: drafts) }
                if let idempotencyKey, let earlier = try earlierAppend(key: idempotencyKey) {
                    guard earlier.digest == digest else {
                        throw StoreError.idempotencyMismatch(key: idempotencyKey, firstSeq: earlier.first, lastSeq: earlier.last)
                    }
                    return AppendResult(firstSeq: earlier.first, lastSeq: earlier.last, head: head, replayed: true)
                }
                if let expectedHead, expectedHead != head.seq {
                    throw StoreError.conflict(expected: expectedHead, actual: head.seq)
                }
                let last = try abandoningLiveStateOnError { try record(drafts) }
                try refreshFrontCheckpoint()
                if let idempotencyKey, let digest {
                    try connection.statement("INSERT INTO idempotency (key, digest, first_seq, last_seq) VALUES (?1, ?2, ?3, ?4)")
                        .execute([.text(idempotencyKey), .text(digest), .integer(head.seq + 1), .integer(last.seq)])
                }
                return AppendResult(firstSeq: head.seq + 1, lastSeq: last.seq, head: last, replayed: false)
            }
        }
        keepStaleWrites()
        return result
    }

    /// Runs `body`, which changes the in-memory state along with the file. If it fails, the transaction
    /// rolls the file back; unless nothing had been absorbed yet (an event refused before any insert), the
    /// in-memory state is then dropped, to be read again from the file when next needed.
    func abandoningLiveStateOnError<T>(_ body: () throws -> T) throws -> T {
        let before = live?.head
        do { return try body() } catch {
            if live?.head != before { live = nil }
            throw error
        }
    }

    /// Validates each draft against the log as it stands (with the decision's earlier events, already
    /// inserted in this transaction), gives it its position, record time, id and chain hash, and inserts it.
    /// Returns the new head.
    ///
    /// Every event of the decision carries the same record time, the commit's: a cut-off by record time
    /// (`--known-at`) falls between decisions, never inside one. Each event is first read back through the
    /// log's readers (`EventSchema.checkReadable`), then checked against the domain rules.
    func record(_ drafts: [EventDraft]) throws -> LogHead {
        var ids = Set<String>()
        // Record time never decreases along the log, even if the clock steps back.
        let recorded = max(environment.now(), try liveState().lastRecorded)
        for (index, draft) in drafts.enumerated() {
            func refuse(_ error: ValidationError) -> StoreError {
                var error = error
                error.index = index
                return StoreError.invalid(error)
            }
            let id = draft.id ?? environment.newEventID()
            if draft.id != nil {
                let taken = try connection.statement("SELECT 1 FROM events WHERE id = ?1").first([.text(id)]) { _ in true } ?? false
                guard !taken, ids.insert(id).inserted else {
                    throw refuse(ValidationError(field: "id", value: id, rule: "an event with this id is already in the log; ids are unique"))
                }
            }
            let head = try liveState().head
            let unsigned = RecordedEvent(
                seq: head.seq + 1, id: id, event: draft.event, effective: draft.effective,
                precision: draft.precision, recorded: recorded, source: draft.source,
                recordedBy: draft.recordedBy, confidence: draft.confidence, note: draft.note,
                prev: head.hash, hash: "")
            let body = EventSchema.bodyBytes(of: unsigned)
            do {
                try EventSchema.checkReadable(unsigned, body: body)
                try settle(before: draft.event, effective: draft.effective)
                try DecisionValidator(store: self).validate(draft.event, effective: draft.effective)
            } catch let error as EventFormatError {
                throw refuse(ValidationError(field: error.field, value: error.value, rule: error.rule))
            } catch let error as ValidationError {
                throw refuse(error)
            }
            try absorb(try insert(unsigned, body: body))
        }
        try settleLiveState()
        return try liveState().head
    }

    /// Hashes and inserts one event whose `prev` is set; returns it with its hash.
    /// - Parameter body: its canonical body when the caller has it already.
    /// - Parameter proof: what reading the event's published line proved (`LineProof`): the line was
    ///   canonical and hashed to `unsigned.hash`, so its leaf is taken as the Merkle leaf, that hash as the
    ///   event's, and its entity rows as the event's.
    func insert(_ unsigned: RecordedEvent, body given: [UInt8]? = nil, proof: LineProof? = nil) throws -> RecordedEvent {
        let body = given ?? EventSchema.bodyBytes(of: unsigned)
        let hash = proof == nil ? EventSchema.hash(prev: unsigned.prev, body: body) : unsigned.hash
        try connection.statement("""
            INSERT INTO events (seq, id, type, effective, recorded, body, prev, hash)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """).execute([
                .integer(unsigned.seq), .text(unsigned.id), .text(unsigned.event.typeName),
                .integer(Int64(unsigned.effective.ordinal)), .integer(unsigned.recorded.microseconds),
                .null, .text(unsigned.prev), .text(hash),
            ], utf8: body, at: 6)
        try appendMerkleLeaf(seq: unsigned.seq,
                             leafHash: proof?.leafHash ?? MerkleHash.leaf(PublishedLine.splice(body: body, prev: unsigned.prev, hash: hash)))
        try insertEntityRows(proof?.entityRows ?? Self.entityRows(seq: unsigned.seq, event: unsigned.event, effective: unsigned.effective))
        // Read back as this fact before it was inserted (`checkReadable`, by both callers).
        recentFacts.remember(StoredFact(event: unsigned.event, effective: unsigned.effective, precision: unsigned.precision),
                             at: unsigned.seq)
        return RecordedEvent(seq: unsigned.seq, id: unsigned.id, schema: unsigned.schema, event: unsigned.event,
                             effective: unsigned.effective, precision: unsigned.precision, recorded: unsigned.recorded,
                             source: unsigned.source, recordedBy: unsigned.recordedBy,
                             confidence: unsigned.confidence, note: unsigned.note, prev: unsigned.prev, hash: hash)
    }

    private func earlierAppend(key: String) throws -> (digest: String, first: Int64, last: Int64)? {
        try connection.statement("SELECT digest, first_seq, last_seq FROM idempotency WHERE key = ?1")
            .first([.text(key)]) { ($0.text(0), $0.integer(1), $0.integer(2)) }
    }

    /// What makes two decisions "the same" for idempotency: their events without ids or record times,
    /// which a retry generates anew.
    static func digest(of drafts: [EventDraft]) -> String {
        let events: [JSONValue] = drafts.map { draft in
            var fields: [String: JSONValue] = [
                "type": .string(draft.event.typeName), "payload": draft.event.payloadJSON,
                "effective": .string(draft.effective.description), "precision": .string(draft.precision.rawValue),
                "source": .string(draft.source), "recordedBy": .string(draft.recordedBy),
                "confidence": .string(draft.confidence.rawValue),
            ]
            if let note = draft.note { fields["note"] = .string(note) }
            return .object(fields)
        }
        return EventSchema.hash(prev: "", body: CanonicalJSON.bytes(.array(events)))
    }
}
