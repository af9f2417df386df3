/// A run of consecutive rows of a history walk, as the thread that reads them from SQLite hands them to the
/// one that decodes them (`HistoryChannel`): the stored bodies copied end to end into one buffer (one
/// allocation per run, not per event), each with its position, the correction that decides it and, when the
/// walk reads the chain, its `prev` and `hash`.
struct HistoryRows: Sendable {
    /// One row of the run.
    struct Row: Sendable {
        let seq: Int64
        /// Where its body ends in `bytes` (it starts where the previous row's ends).
        let end: Int
        let status: HistoryEntry.Status?
        let prev: String
        let hash: String
    }

    private(set) var bytes: [UInt8] = []
    private(set) var rows: [Row] = []

    init(capacity: Int) {
        rows.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 512)
    }

    var count: Int { rows.count }

    /// Appends a row, its stored body copied.
    mutating func append(seq: Int64, body: UnsafeBufferPointer<UInt8>, status: HistoryEntry.Status?, prev: String, hash: String) {
        bytes.append(contentsOf: body)
        rows.append(Row(seq: seq, end: bytes.count, status: status, prev: prev, hash: hash))
    }

    /// Calls `body` with each row and its stored body, in the order appended.
    func forEach(_ body: (Row, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { all in
            var start = 0
            for row in rows {
                try body(row, UnsafeBufferPointer(rebasing: all[start..<row.end]))
                start = row.end
            }
        }
    }
}
