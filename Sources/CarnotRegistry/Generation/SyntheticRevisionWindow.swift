/// The recent events a correction or retraction may aim at: "leaf" events that nothing later depends on
/// (renames, director appointments, published results), each aimed at once at most.
struct SyntheticRevisionWindow {
    struct Leaf {
        enum Kind {
            case instituteRenamed(institute: Int)
            case schoolRenamed(school: Int)
            case directorAppointed(institute: Int)
            case resultsAnnounced(call: EntityID, counts: CallCounts)
        }

        let seq: Int64
        let kind: Kind
        let effective: Day
        let precision: DatePrecision
    }

    /// How far back, in positions, a revision reaches.
    static let reach: Int64 = 200

    private var leaves: [Leaf] = []

    mutating func add(_ leaf: Leaf) {
        leaves.append(leaf)
        if leaves.count >= 512 { drop(before: leaf.seq - Self.reach) }
    }

    /// Takes a leaf recorded after `seq - reach` that `eligible` accepts (a few random tries), so that it is
    /// never aimed at again.
    mutating func take(before seq: Int64, random: inout SyntheticRandom, where eligible: (Leaf) -> Bool = { _ in true }) -> Leaf? {
        drop(before: seq - Self.reach)
        for _ in 0..<4 where !leaves.isEmpty {
            let index = random.below(leaves.count)
            if eligible(leaves[index]) { return leaves.remove(at: index) }
        }
        return nil
    }

    private mutating func drop(before seq: Int64) {
        let stale = leaves.firstIndex { $0.seq >= seq } ?? leaves.count
        leaves.removeFirst(stale)
    }
}
