/// A run of consecutive facts of a replay, in fold order, as the reading thread hands them to a decoding
/// thread: the stored bodies copied end to end into one buffer (one allocation per batch, not per event),
/// and the replacements a correction puts in place, already decoded.
///
/// Its items are plain numbers (a position and an offset), and the few replacements sit apart with the
/// index they take: an item holding an optional fact made every append, and the decoding loop over the
/// items, copy and destroy a 100-byte value through its value witnesses, for the few percent of facts
/// that are replacements.
struct ReplayBatch: Sendable {
    /// One stored body of the batch.
    struct Item: Sendable {
        /// The event's position in the log.
        let seq: Int64
        /// Where its body ends in `bytes` (it starts where the previous item's ends).
        let end: Int
    }

    /// What a decoding thread made of a batch: its facts in fold order, and the bodies that do not decode
    /// (left out of the fold and reported by `EventStore.leaveOut`, in fold order).
    struct Decoded: Sendable {
        var facts: [StoredFact] = []
        var undecodable: [(seq: Int64, reason: String)] = []
    }

    private(set) var bytes: [UInt8] = []
    private(set) var items: [Item] = []
    /// The replacements, each with the number of items before it: it is folded after them.
    private(set) var ready: [(before: Int, fact: StoredFact)] = []

    init(capacity: Int) {
        items.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 512)
    }

    /// The facts it holds, stored bodies and replacements.
    var count: Int { items.count + ready.count }

    /// The bytes of the bodies it holds.
    var byteCount: Int { bytes.count }

    /// Empties the batch, keeping its storage for the next one (a replay reuses a few buffers instead of
    /// allocating, and the kernel zeroing, a fresh one per batch).
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        items.removeAll(keepingCapacity: true)
        ready.removeAll(keepingCapacity: true)
    }

    /// Appends a stored body, copied.
    mutating func append(seq: Int64, body: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: body)
        items.append(Item(seq: seq, end: bytes.count))
    }

    /// Appends a fact decoded already.
    mutating func append(ready fact: StoredFact) {
        ready.append((items.count, fact))
    }

    /// Decodes every body (`EventStore.storedFact`, the fold's own decoder) and puts the replacements in
    /// their places: pure, so any thread may run it.
    /// - Parameter facts: an emptied array whose storage is reused for the facts.
    func decoded(into facts: [StoredFact] = []) -> Decoded {
        var result = Decoded(facts: facts)
        result.facts.reserveCapacity(count)
        var readyIndex = ready.startIndex
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            for (index, item) in items.enumerated() {
                while readyIndex < ready.endIndex, ready[readyIndex].before == index {
                    result.facts.append(ready[readyIndex].fact)
                    readyIndex += 1
                }
                let body = UnsafeBufferPointer(rebasing: buffer[start..<item.end])
                start = item.end
                do {
                    result.facts.append(try EventStore.storedFact(seq: item.seq, body: body))
                } catch let error as StoreError {
                    if case .integrity(let reason) = error {
                        result.undecodable.append((item.seq, reason))
                    } else {
                        result.undecodable.append((item.seq, String(describing: error)))
                    }
                } catch {
                    result.undecodable.append((item.seq, String(describing: error)))
                }
            }
        }
        for (_, fact) in ready[readyIndex...] { result.facts.append(fact) }
        return result
    }
}
