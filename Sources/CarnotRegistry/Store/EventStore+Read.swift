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
        try guarded {
            var result: [RecordedEvent] = []
            let statement = try connection.statement(
                "SELECT seq, body, prev, hash FROM events WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq")
            try statement.query([.integer(from), .integer(through ?? .max)]) { row in
                result.append(try Self.decode(row))
                return true
            }
            return result
        }
    }

    static func decode(_ row: SQLiteRow) throws -> RecordedEvent {
        let seq = row.integer(0)
        do {
            let json = try row.withBytes(1) { bytes in try JSONParser.parse(bytes) }
            guard case .object(var fields) = json else { throw StoreError.integrity("event \(seq): body is not an object") }
            fields["prev"] = .string(row.text(2))
            fields["hash"] = .string(row.text(3))
            return try EventSchema.decodeRecorded(.object(fields))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.integrity("event \(seq) does not decode: \(error)")
        }
    }

    /// The whole log in memory, with the end-of-time state, brought up to date with the file.
    public func logView() throws(StoreError) -> LogView {
        try refresh()
        return cache
    }

    /// Reads the events other writers appended since the cache was last filled.
    func refresh() throws(StoreError) {
        let head = try head()
        if head.seq < cache.head || (head.seq == cache.head && head.seq > 0 && cache.events.last?.hash != head.hash) {
            // The file no longer extends what this process read: never serve a stale or forked view.
            cache = LogView()
        }
        guard head.seq > cache.head else { return }
        if let cached = cache.events.last {
            let stored = try guarded {
                try connection.statement("SELECT hash FROM events WHERE seq = ?1").first([.integer(cached.seq)]) { $0.text(0) }
            }
            // The file was rewritten behind this process: read it afresh rather than splice two logs.
            if stored != cached.hash { cache = LogView() }
        }
        for event in try events(from: cache.head + 1) { cache.append(event) }
    }

    /// The last position recorded at or before `instant` (0 when none).
    public func position(at instant: Timestamp) throws(StoreError) -> Int64 {
        try guarded {
            try connection.statement("SELECT COALESCE(max(seq), 0) FROM events WHERE recorded <= ?1")
                .first([.integer(instant.microseconds)]) { $0.integer(0) } ?? 0
        }
    }

    /// Resolves a record-time cut-off to a log position.
    public func position(_ knownAt: KnownAt) throws(StoreError) -> Int64 {
        switch knownAt {
        case .everything: try head().seq
        case .position(let seq): seq
        case .instant(let instant): try position(at: instant)
        }
    }

    /// The state of the network on `day` as the registry knew it at `knownAt`.
    ///
    /// The events recorded up to `knownAt`, effective on or before `day`, applied in (effective, seq) order,
    /// without those a correction recorded up to `knownAt` retracted or replaced.
    public func state(at day: Day, knownAt: KnownAt = .everything) throws(StoreError) -> RegistryState {
        let view = try logView()
        let upto = try position(knownAt)
        if upto >= view.head { return view.state(at: day) }
        return Timeline.state(of: view.events, at: day, upto: upto)
    }
}
