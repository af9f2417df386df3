/// Which of an entity's events a history walk reads (`EventStore.forEachHistoryEntry`): a page after a
/// position, or the last page before one, cut from the entity's positions in log order.
enum HistoryWindow: Sendable, Equatable {
    /// The first `limit` events after position `after` (nil or negative: every one after it).
    case after(Int64, limit: Int?)
    /// The last `count` events before position `before` (negative: every one before it).
    case before(Int64, last: Int)

    /// The position the window's events come after.
    var after: Int64 {
        if case .after(let after, _) = self { after } else { 0 }
    }

    /// The position the window's events come before.
    var before: Int64 {
        if case .before(let before, _) = self { before } else { .max }
    }

    /// The window's positions among `positions`, the entity's positions between `after` and `before` in log
    /// order: the first `limit` of them, or the last `count`.
    func cut(_ positions: [Int64]) -> ArraySlice<Int64> {
        switch self {
        case .after(_, let limit):
            guard let limit, limit >= 0 else { return positions[...] }
            return positions.prefix(limit)
        case .before(_, let count):
            return count >= 0 ? positions.suffix(count) : positions[...]
        }
    }
}
