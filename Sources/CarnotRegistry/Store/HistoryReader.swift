import Foundation

/// Passes a history walk's rows, in runs, from the reader to the thread that decodes them; the reader ends
/// with how many positions found no event, or the error that stopped it. The taker waits for that before it
/// touches the connection again.
typealias HistoryChannel = BoundedHandOff<HistoryRows, Result<Int64, any Error>>

/// The reading half of a history walk (`EventStore.forEachHistoryEntry`), run on its own thread: looks up
/// the walk's events by position and sends their rows in runs to the thread that decodes them.
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

    /// One event's `body`, then `prev` and `hash` when `chain`, by its position bound to `?1`.
    let lookup: SQLiteStatement
    /// The positions to read, in log order.
    let positions: ArraySlice<Int64>
    /// The correction that decides each event.
    let deciding: DecidingCorrections
    /// False to leave `prev` and `hash` unread: each row holds the genesis hash in both.
    let chain: Bool
    let runs: Runs

    /// Reads the event at every position, or until the channel is stopped, and says how it ended: how many
    /// positions found no event.
    func read(into channel: HistoryChannel) {
        var rows = HistoryRows(capacity: runs.first)
        var deciding = deciding
        var read = 0
        var missing: Int64 = 0
        do {
            for seq in positions {
                let found: Void? = try lookup.first(key: seq) { row in
                    let prev = chain ? row.text(1) : EventSchema.genesisHash
                    let hash = chain ? row.text(2) : EventSchema.genesisHash
                    row.withBytes(0) { body in rows.append(seq: seq, body: body, status: deciding.status(of: seq), prev: prev, hash: hash) }
                }
                guard found != nil else {
                    missing += 1
                    continue
                }
                read += 1
                if rows.count >= max(1, read == rows.count ? runs.first : runs.later) {
                    guard channel.send(rows) else { return channel.finish(.success(missing)) }
                    rows = HistoryRows(capacity: runs.later)
                }
            }
            if rows.count > 0 { _ = channel.send(rows) }
            channel.finish(.success(missing))
        } catch {
            channel.finish(.failure(error))
        }
    }
}
