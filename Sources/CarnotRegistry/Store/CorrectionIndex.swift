/// Every retraction and correction in the log, by position and by the event it names, kept in memory.
///
/// Corrections are a few percent of a log, so this index stays small; it lets a fold decide, for any
/// record-time cut-off, which events are superseded and which replacements stand, without reading the
/// superseded events at all.
struct CorrectionIndex {
    struct Entry: Equatable {
        /// The correction's own position.
        let seq: Int64
        /// The position of the event it retracts or replaces.
        let target: Int64
        /// The replacement's effective day; nil for a retraction.
        let day: Day?
    }

    private var bySeq: [Int64: Entry] = [:]
    /// Per target, its corrections' positions in ascending order.
    private var byTarget: [Int64: [Int64]] = [:]
    /// The replacements, ordered by (day, seq), for range lookups.
    private var replacements: [Entry] = []
    /// One bit per position, set for each correction and each event a correction names: a fold asks of
    /// every row it reads whether it is either, and a bit answers the (most frequent) no without the two
    /// dictionary lookups (about 4 % of a `state(at:)` at 1M events).
    private var mentioned: [UInt64] = []

    /// Adds a correction; they arrive in log order.
    mutating func add(_ entry: Entry) {
        mark(entry.seq)
        mark(entry.target)
        bySeq[entry.seq] = entry
        byTarget[entry.target, default: []].append(entry.seq)
        guard let day = entry.day else { return }
        let index = replacements.partitioningIndex(where: { ($0.day!, $0.seq) > (day, entry.seq) })
        replacements.insert(entry, at: index)
    }

    func isCorrection(_ seq: Int64) -> Bool { bySeq[seq] != nil }

    /// False when the event at `seq` is neither a correction nor named by one: then `isCorrection` is false
    /// and `deciding` nil for every cut-off.
    func mentions(_ seq: Int64) -> Bool {
        guard seq >= 0 else { return false }
        let word = Int(seq >> 6)
        return word < mentioned.count && mentioned[word] & (1 << UInt64(seq & 63)) != 0
    }

    private mutating func mark(_ seq: Int64) {
        guard seq >= 0 else { return }
        let word = Int(seq >> 6)
        if word >= mentioned.count { mentioned.append(contentsOf: repeatElement(0, count: max(word + 1, mentioned.count * 2) - mentioned.count)) }
        mentioned[word] |= 1 << UInt64(seq & 63)
    }

    /// The correction at position `seq`, if it is one.
    func correction(at seq: Int64) -> Entry? { bySeq[seq] }

    /// The correction that decides `target` as known at position `upto`: the latest one up to it.
    func deciding(_ target: Int64, upto: Int64) -> Entry? {
        guard let positions = byTarget[target] else { return nil }
        guard let seq = positions.last(where: { $0 <= upto }) else { return nil }
        return bySeq[seq]
    }

    /// The replacements that stand as known at `upto`, effective in the half-open range (`after`, `through`],
    /// in fold order.
    func standingReplacements(after: Day?, through: Day, upto: Int64) -> [Entry] {
        let start = after.map { after in replacements.partitioningIndex(where: { $0.day! > after }) } ?? 0
        var result: [Entry] = []
        for entry in replacements[start...] {
            guard entry.day! <= through else { break }
            if entry.seq <= upto, deciding(entry.target, upto: upto)?.seq == entry.seq { result.append(entry) }
        }
        return result
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, for a predicate false then true along the array.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
