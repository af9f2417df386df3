extension EventStore {
    /// The head of the log: its last position and hash (0 and 64 zeros when empty).
    public func head() throws(StoreError) -> LogHead {
        try guarded {
            try connection.statement("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
                .first { LogHead(seq: $0.integer(0), hash: $0.text(1)) } ?? .empty
        }
    }

    /// The events at positions `from...through` (to the head when `through` is nil), decoded.
    /// - Throws: `StoreError.integrity` when a stored body does not decode.
    public func events(from: Int64 = 1, through: Int64? = nil) throws(StoreError) -> [RecordedEvent] {
        var result: [RecordedEvent] = []
        do {
            try forEachEvent(from: from, through: through) { result.append($0) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .integrity(String(describing: error))
        }
        return result
    }

    /// Calls `body` with each event at positions `from...through` (to the head when `through` is nil), in
    /// log order, decoded one at a time: memory holds one event, not the log. One read of one commit.
    ///
    /// ```swift
    /// try store.forEachEvent { event in print(event.seq, event.event.typeName) }
    /// ```
    /// - Throws: `StoreError.integrity` when a stored body does not decode; what `body` throws, as is.
    public func forEachEvent(from: Int64 = 1, through: Int64? = nil, _ body: (RecordedEvent) throws -> Void) throws {
        var thrown: Error?
        try guarded {
            let statement = try connection.statement(
                "SELECT seq, body, prev, hash FROM events WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq")
            try statement.query([.integer(from), .integer(through ?? .max)]) { row in
                let event = try Self.decode(row)
                do { try body(event) } catch { thrown = error; return false }
                return true
            }
        }
        if let thrown { throw thrown }
    }

    /// The hash of the event at `seq` (the genesis hash for 0), nil past the head.
    public func hash(at seq: Int64) throws(StoreError) -> String? {
        guard seq > 0 else { return EventSchema.genesisHash }
        return try guarded { try connection.statement("SELECT hash FROM events WHERE seq = ?1").first([.integer(seq)]) { $0.text(0) } }
    }

    /// The event of a row (`seq, body, prev, hash`), read by the byte decoder (`FactDecoder.decodeRecorded`),
    /// which reads every body the store writes. What it refuses is read again the slow way (the JSON tree,
    /// then `EventSchema.decodeRecorded`), which accepts the same bodies (save one holding `prev` or `hash`,
    /// which the chain columns overwrite) and words the error as it always has.
    /// - Parameter chain: false to leave the chain columns unread (a listing that does not print them): the
    ///   event then holds the genesis hash as both `prev` and `hash`.
    static func decode(_ row: SQLiteRow, chain: Bool = true) throws -> RecordedEvent {
        let prev = chain ? row.text(2) : EventSchema.genesisHash
        let hash = chain ? row.text(3) : EventSchema.genesisHash
        return try row.withBytes(1) { body in try decode(body: body, seq: row.integer(0), prev: prev, hash: hash) }
    }

    /// The event of a stored body at `seq` with the chain columns `prev` and `hash`, as `decode(_:chain:)`.
    static func decode(body: UnsafeBufferPointer<UInt8>, seq: Int64, prev: String, hash: String) throws -> RecordedEvent {
        if let event = try? FactDecoder.decodeRecorded(UnsafeRawBufferPointer(body), prev: prev, hash: hash) { return event }
        do {
            let json = try JSONParser.parse(body)
            guard case .object(var fields) = json else { throw StoreError.integrity("event \(seq): body is not an object") }
            fields["prev"] = .string(prev)
            fields["hash"] = .string(hash)
            return try EventSchema.decodeRecorded(.object(fields))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.integrity("event \(seq) does not decode: \(error)")
        }
    }

    /// The state after every fact known now, whatever its day: what the registry holds at the end of
    /// valid time. Kept in memory, so this costs one read of the head when nothing changed.
    public func currentState() throws(StoreError) -> RegistryState {
        try refresh()
        return try guarded { try liveState().current }
    }

    /// Folds the whole log into the state after every fact, from the empty state and without checkpoints:
    /// what an auditor replays, and what `carnot-bench` times. Streams the events in batches, decoded on
    /// another thread (`replayFold`): the same state as `fold` from the empty state.
    public func replay() throws(StoreError) -> RegistryState {
        try refresh()
        return try guarded {
            let live = try liveState()
            // A replay reads each page once: the small cache spares it filling the large one (see
            // `setPageCache`); the large one is back for the folds that follow.
            try connection.execute("PRAGMA cache_size = -\(Self.onePassPageCacheKilobytes)")
            defer { try? connection.execute("PRAGMA cache_size = -\(Self.pageCacheKilobytes)") }
            return try replayFold(upto: live.head.seq, corrections: live.corrections)
        }
    }

    /// The last position recorded at or before `instant` (0 when none).
    public func position(at instant: Timestamp) throws(StoreError) -> Int64 {
        try guarded {
            try connection.statement("SELECT COALESCE(max(seq), 0) FROM events WHERE recorded <= ?1")
                .first([.integer(instant.microseconds)]) { $0.integer(0) } ?? 0
        }
    }

    /// Resolves a record-time cut-off to a log position.
    /// - Throws: `StoreError.badQuery` for a position past the head or an instant in the future: the log
    ///   cannot say what it does not hold yet, and answering as if it did would read as a fact.
    public func position(_ knownAt: KnownAt) throws(StoreError) -> Int64 {
        switch knownAt {
        case .everything: return try head().seq
        case .position(let seq):
            let head = try head()
            guard seq <= head.seq else {
                throw .badQuery(ValidationError(field: "upto", value: String(seq),
                                                rule: "is past the head of the log (\(head)); give a position from 0 to \(head.seq)"))
            }
            return seq
        case .instant(let instant):
            let now = environment.now()
            guard instant <= now else {
                throw .badQuery(ValidationError(field: "known-at", value: instant.description,
                                                rule: "lies in the future (this clock reads \(now); the head is \(try head())); the registry can only say what it knew up to now"))
            }
            return try position(at: instant)
        }
    }

    /// The state of the network on `day` as the registry knew it at `knownAt`.
    ///
    /// The events recorded up to `knownAt`, effective on or before `day`, applied in (effective, seq) order,
    /// without those a correction recorded up to `knownAt` retracted or replaced.
    public func state(at day: Day, knownAt: KnownAt = .everything) throws(StoreError) -> RegistryState {
        try refresh()
        let upto = try position(knownAt)
        return try guarded {
            let live = try liveState()
            // One read transaction: after a back-dated decision the fold reads thousands of facts by position
            // (`foldedState`), and a lock per statement was a third of `carnot state`'s time at 1M.
            return try connection.reading { try state(at: day, upto: upto, live: live) }
        }
    }

    /// The state on `day` as known at `upto`: the kept current state when it is the answer, else the nearest
    /// checkpoint plus the facts after it (`foldedState`).
    func state(at day: Day, upto: Int64, live: LiveState) throws -> RegistryState {
        if upto >= live.head.seq, !live.isBackDated(day) { return live.current }
        return try foldedState(at: day, upto: upto, corrections: live.corrections)
    }
}
