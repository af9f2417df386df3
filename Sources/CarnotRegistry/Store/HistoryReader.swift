import Foundation

/// The reading half of a history walk (`EventStore.forEachHistoryEntry`), run on its own thread: steps the
/// walk's statement and sends its rows in runs to the thread that decodes them.
///
/// It holds the connection's statement, which is not safe to share: it is unchecked because the thread that
/// starts it does not touch the connection again until the reader says it is done (`HistoryChannel`).
struct HistoryReader: @unchecked Sendable {
    /// How the rows are cut into runs.
    struct Runs: Sendable {
        /// Rows of the first run: few, so that the decoding thread starts early.
        var first = 64
        /// Rows of each later run: more, so that the two threads meet rarely.
        var later = 512
        /// Runs sent and not yet taken, at most: what bounds memory (a run holds its bodies, about 330
        /// bytes each in the synthetic log).
        var inFlight = 8

        static let standard = Runs()
    }

    let statement: SQLiteStatement
    let parameters: [SQLiteValue]
    /// The correction that decides each event, by position.
    let deciding: [Int64: HistoryEntry.Status]
    /// False to leave `prev` and `hash` unread: each row holds the genesis hash in both.
    let chain: Bool
    let runs: Runs

    /// Reads every row of the walk, or until the channel is stopped, and says how it ended.
    func read(into channel: HistoryChannel) {
        var rows = HistoryRows(capacity: runs.first)
        var read: Int64 = 0, indexed: Int64?
        var open = true
        do {
            try statement.query(parameters) { row in
                indexed = row.integer(4)
                let seq = row.integer(0)
                let prev = chain ? row.text(2) : EventSchema.genesisHash
                let hash = chain ? row.text(3) : EventSchema.genesisHash
                row.withBytes(1) { body in rows.append(seq: seq, body: body, status: deciding[seq], prev: prev, hash: hash) }
                read += 1
                if rows.count >= max(1, read == rows.count ? runs.first : runs.later) {
                    open = channel.send(rows, inFlight: max(1, runs.inFlight))
                    rows = HistoryRows(capacity: runs.later)
                }
                return open
            }
            if open, rows.count > 0 { _ = channel.send(rows, inFlight: max(1, runs.inFlight)) }
            channel.finish(.success((read, indexed)))
        } catch {
            channel.finish(.failure(error))
        }
    }
}
