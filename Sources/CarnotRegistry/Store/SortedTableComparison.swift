/// The first row where two tables read in the same order disagree: how `verify` compares a derived table
/// of the store with the one its replay of the log re-derived, in one sequential pass over each rather than
/// one lookup per row (the Merkle tree and the entity index hold two and three rows per event).
enum SortedTableComparison {
    /// Where the stored table leaves the derived one.
    enum Difference<Row> {
        /// The stored table holds `row`, which the log does not give.
        case extra(Row)
        /// The log gives `row`, which the stored table lacks.
        case missing(Row)
        /// Both hold the row's key, with different values.
        case differs(stored: Row, derived: Row)
    }

    /// Walks `stored` and `derived` (the same query on the store and on its replay, ordered by the table's
    /// key) side by side.
    /// - Parameters:
    ///   - read: a row as a value.
    ///   - precedes: the queries' order, by key alone (as SQLite orders them: text by its bytes).
    static func firstDifference<Row: Equatable>(stored: SQLiteStatement, derived: SQLiteStatement,
                                                read: (SQLiteRow) -> Row,
                                                precedes: (Row, Row) -> Bool) throws -> Difference<Row>? {
        try stored.start()
        try derived.start()
        var found = try stored.next().map(read), expected = try derived.next().map(read)
        while true {
            switch (found, expected) {
            case (nil, nil): return nil
            case (let row?, nil): return .extra(row)
            case (nil, let row?): return .missing(row)
            case (let row?, let wanted?):
                if precedes(row, wanted) { return .extra(row) }
                if precedes(wanted, row) { return .missing(wanted) }
                if row != wanted { return .differs(stored: row, derived: wanted) }
                found = try stored.next().map(read)
                expected = try derived.next().map(read)
            }
        }
    }
}
