/// The facts of the positions the current write inserted last, as their bodies decode, so that a fold inside
/// the write (checkpoints written again at an interval, records settled) takes them without reading and
/// decoding the bodies again.
///
/// An import rewrote, at each interval of 1,000 events, the checkpoints that back-dated events had made
/// stale: folds over the last few thousand facts, whose decoding was a tenth of the import's time at 1M.
/// The store inserts an event only once its body has been read back as that very fact
/// (`EventSchema.checkReadable`), so the fact kept is the fact the body gives.
///
/// A ring of `capacity` slots by position: bounded memory whatever the write's length, the newest positions
/// kept. Emptied with the other write caches (`forgetWriteCaches`), since a rolled-back write's positions
/// are filled again by other events.
struct RecentFacts {
    /// About 4 MB at most: a few intervals of the densest logs.
    static let capacity = 16_384

    private var positions: [Int64] = []
    private var facts: [StoredFact?] = []

    /// Keeps `fact` as the one at `seq`, in place of the one `capacity` positions before it.
    mutating func remember(_ fact: StoredFact, at seq: Int64) {
        if positions.isEmpty {
            positions = Array(repeating: -1, count: Self.capacity)
            facts = Array(repeating: nil, count: Self.capacity)
        }
        let slot = Int(seq & Int64(Self.capacity - 1))
        positions[slot] = seq
        facts[slot] = fact
    }

    /// The fact inserted at `seq`, if it is still kept.
    func fact(at seq: Int64) -> StoredFact? {
        guard !positions.isEmpty, seq >= 0 else { return nil }
        let slot = Int(seq & Int64(Self.capacity - 1))
        return positions[slot] == seq ? facts[slot] : nil
    }

    /// Forgets every fact, and the ring's memory.
    mutating func removeAll() {
        positions = []
        facts = []
    }
}
