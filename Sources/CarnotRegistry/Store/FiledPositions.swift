/// The positions filed under some keys of the entity index, each key's in ascending order, kept for one write
/// transaction (`EventStore.positions(filedUnder:)`).
///
/// A key is kept once it has been read whole from the index; the write's inserts then add their positions to
/// it (`filed`), so it stays what the index holds. Positions are inserted in log order, so each is added at the
/// end; one that is not (which no write does) drops the key, to be read again. Bounded: past
/// `FiledPositions.limit` positions in all, the keys are read again.
struct FiledPositions {
    private var byKey: [String: [Int64]] = [:]
    private var count = 0

    /// At most this many positions are kept (8 bytes each: 32 MB).
    static let limit = 4_000_000

    /// The kept positions under `key` after `after` and before `before`, in ascending order; nil when the key
    /// is not kept.
    func positions(under key: String, after: Int64, before: Int64) -> [Int64]? {
        guard let all = byKey[key] else { return nil }
        let start = Self.firstIndex(in: all) { $0 > after }
        let end = Self.firstIndex(in: all) { $0 >= before }
        return start < end ? Array(all[start..<end]) : []
    }

    /// Keeps `positions` (ascending, each once), every position filed under `key`.
    mutating func keep(_ positions: [Int64], under key: String) {
        if count + positions.count > Self.limit { removeAll() }
        count += positions.count - (byKey[key]?.count ?? 0)
        byKey[key] = positions
    }

    /// Notes that `seq` was just filed under `key`.
    mutating func filed(_ seq: Int64, under key: String) {
        // The last position only, not a copy of the array: holding one would make the append below copy it.
        guard !byKey.isEmpty, let last = byKey[key].map({ $0.last }) else { return }
        if let last, seq <= last {
            if seq < last { count -= byKey.removeValue(forKey: key)?.count ?? 0 }
            return
        }
        byKey[key]?.append(seq)
        count += 1
        if count > Self.limit { removeAll() }
    }

    mutating func removeAll() {
        byKey = [:]
        count = 0
    }

    /// The index of the first position in `sorted` for which `isPast` holds (its count when there is none);
    /// `isPast` is false for a prefix of `sorted` and true for the rest.
    private static func firstIndex(in sorted: [Int64], where isPast: (Int64) -> Bool) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
