/// The facts of the positions the current write inserted last, as their bodies decode, so that a fold inside
/// the write (checkpoints written again at an interval, records settled) takes them without reading and
/// decoding the bodies again.
///
/// An import rewrote, at each interval of 1,000 events, the checkpoints that back-dated events had made
/// stale: folds over the last few thousand facts, whose decoding was a tenth of the import's time at 1M.
/// The store inserts an event only once its body has been read back as that very fact
/// (`EventSchema.checkReadable`), so the fact kept is the fact the body gives.
///
/// A ring of at most `capacity` slots by position, counted from the first position it keeps: bounded memory
/// whatever the write's length, the newest positions kept, and no more slots than the write inserted (a
/// decision of one event, the common write, must not allocate and clear the whole ring). Emptied with the
/// other write caches (`forgetWriteCaches`), since a rolled-back write's positions are filled again by
/// other events.
struct RecentFacts {
    /// About 4 MB at most: a few intervals of the densest logs.
    static let capacity = 16_384

    /// The first position kept since the ring was last emptied: slot 0.
    private var origin: Int64 = 0
    private var positions: [Int64] = []
    private var facts: [StoredFact?] = []

    /// Keeps `fact` as the one at `seq`, in place of the one `capacity` positions before it.
    mutating func remember(_ fact: StoredFact, at seq: Int64) {
        if positions.isEmpty { origin = seq }
        // Inserts only go forward; a position before the first one kept is not kept.
        guard seq >= origin else { return }
        let slot = Int((seq - origin) % Int64(Self.capacity))
        if slot >= positions.count {
            positions.append(contentsOf: repeatElement(-1, count: slot - positions.count))
            facts.append(contentsOf: repeatElement(nil, count: slot - facts.count))
            positions.append(seq)
            facts.append(fact)
        } else {
            positions[slot] = seq
            facts[slot] = fact
        }
    }

    /// The fact inserted at `seq`, if it is still kept.
    func fact(at seq: Int64) -> StoredFact? {
        guard seq >= origin else { return nil }
        let slot = Int((seq - origin) % Int64(Self.capacity))
        return slot < positions.count && positions[slot] == seq ? facts[slot] : nil
    }

    /// Forgets every fact, and the ring's memory.
    mutating func removeAll() {
        positions = []
        facts = []
    }
}
