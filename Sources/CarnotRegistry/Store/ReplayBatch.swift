/// A run of consecutive facts of a replay, in fold order, as the reading thread hands them to a decoding
/// thread: the stored bodies copied end to end into one buffer (one allocation per batch, not per event),
/// and the replacements a correction puts in place, already decoded.
struct ReplayBatch: Sendable {
    /// One fact of the batch.
    struct Item: Sendable {
        /// The event's position in the log (a replacement's: its correction's).
        let seq: Int64
        /// Where its body ends in `bytes` (it starts where the previous item's ends); unused for `ready`.
        let end: Int
        /// A fact decoded already (a standing replacement), folded as is.
        let ready: StoredFact?
    }

    /// What a decoding thread made of one item.
    enum Decoded: Sendable {
        case fact(StoredFact)
        /// A body that does not decode: left out of the fold and reported (`EventStore.leaveOut`).
        case undecodable(seq: Int64, reason: String)
    }

    private(set) var bytes: [UInt8] = []
    private(set) var items: [Item] = []

    init(capacity: Int) {
        items.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 512)
    }

    var count: Int { items.count }

    /// The bytes of the bodies it holds.
    var byteCount: Int { bytes.count }

    /// Empties the batch, keeping its storage for the next one (a replay reuses a few buffers instead of
    /// allocating, and the kernel zeroing, a fresh one per batch).
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        items.removeAll(keepingCapacity: true)
    }

    /// Appends a stored body, copied.
    mutating func append(seq: Int64, body: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: body)
        items.append(Item(seq: seq, end: bytes.count, ready: nil))
    }

    /// Appends a fact decoded already.
    mutating func append(seq: Int64, ready fact: StoredFact) {
        items.append(Item(seq: seq, end: bytes.count, ready: fact))
    }

    /// Decodes every body (`EventStore.storedFact`, the fold's own decoder): pure, so any thread may run it.
    func decoded() -> [Decoded] {
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            return items.map { item in
                defer { start = item.end }
                if let ready = item.ready { return .fact(ready) }
                let body = UnsafeBufferPointer(rebasing: buffer[start..<item.end])
                do {
                    return .fact(try EventStore.storedFact(seq: item.seq, body: body))
                } catch let error as StoreError {
                    if case .integrity(let reason) = error { return .undecodable(seq: item.seq, reason: reason) }
                    return .undecodable(seq: item.seq, reason: String(describing: error))
                } catch {
                    return .undecodable(seq: item.seq, reason: String(describing: error))
                }
            }
        }
    }
}
