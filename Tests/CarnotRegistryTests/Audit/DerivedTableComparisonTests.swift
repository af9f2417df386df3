import Foundation
import Testing
@testable import CarnotRegistry

/// `verify` compares the Merkle tree and the entity index with its replay's in one ordered pass over both
/// tables: every row edited, removed or added is still found, and named.
struct DerivedTableComparisonTests {
    @Test(arguments: [
        ("DELETE FROM entity_events WHERE (entity, effective, seq) = (SELECT entity, effective, seq FROM entity_events LIMIT 1)", "lacks event"),
        ("DELETE FROM entity_events WHERE (entity, effective, seq) = (SELECT entity, effective, seq FROM entity_events ORDER BY entity DESC LIMIT 1)", "lacks event"),
        ("UPDATE entity_events SET writes = 1 - writes WHERE seq = 5", "files event 5"),
        ("UPDATE entity_events SET effective = effective + 1 WHERE seq = 5", "event 5"),
        ("INSERT INTO entity_events VALUES ('zz-nobody', 0, 3, 0)", "files event 3 under 'zz-nobody'"),
        ("INSERT INTO entity_events VALUES ('', 0, 3, 0)", "files event 3 under ''"),
    ])
    func verifyFindsEveryEditOfTheEntityIndex(edit: String, named: String) throws {
        try VerifyEverythingTests.withHistoryStore { store, path in
            #expect(try store.verify().isValid)
            let raw = try SQLiteConnection(path: path)
            try raw.execute(edit)
            #expect(try raw.integer("SELECT changes()") >= 1, "\(edit) changed nothing")
            let failure = try #require(try store.verify().failure, "\(edit) passed verify")
            #expect(failure.reason.contains("entity index") && failure.reason.contains(named), "\(failure)")
        }
    }

    @Test func anEditedNodeOfTheMerkleTreeIsNamedWithTheEventsItCovers() throws {
        try VerifyEverythingTests.withHistoryStore { store, path in
            try SQLiteConnection(path: path).execute("UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 4 AND idx = 0")
            let failure = try #require(try store.verify().failure)
            #expect(failure.reason.contains("node (level 4, index 0, over events 1-16) is not the hash the log gives"), "\(failure)")
        }
    }

    @Test func twoTablesReadInTheSameOrderDifferWhereTheFirstRowDiffers() throws {
        func table(_ rows: [(Int64, String)]) throws -> SQLiteConnection {
            let connection = try SQLiteConnection(path: ":memory:")
            try connection.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
            for (key, value) in rows { try connection.execute("INSERT INTO t VALUES (\(key), '\(value)')") }
            return connection
        }
        struct Row: Equatable { let key: Int64, value: String }
        func difference(_ stored: [(Int64, String)], _ derived: [(Int64, String)]) throws -> String {
            let query = "SELECT k, v FROM t ORDER BY k"
            let found = try SortedTableComparison.firstDifference(
                stored: try table(stored).statement(query), derived: try table(derived).statement(query),
                read: { Row(key: $0.integer(0), value: $0.text(1)) }, precedes: { $0.key < $1.key })
            switch found {
            case nil: return "none"
            case .extra(let row): return "extra \(row.key)"
            case .missing(let row): return "missing \(row.key)"
            case .differs(let row, let wanted): return "differs \(row.key) \(row.value) \(wanted.value)"
            }
        }
        #expect(try difference([(1, "a"), (2, "b")], [(1, "a"), (2, "b")]) == "none")
        #expect(try difference([], []) == "none")
        #expect(try difference([(1, "a"), (2, "b"), (3, "c")], [(1, "a"), (3, "c")]) == "extra 2")
        #expect(try difference([(1, "a"), (3, "c")], [(1, "a"), (2, "b"), (3, "c")]) == "missing 2")
        #expect(try difference([(1, "a"), (2, "x")], [(1, "a"), (2, "b")]) == "differs 2 x b")
        #expect(try difference([(1, "a"), (2, "b")], [(1, "a")]) == "extra 2")
        #expect(try difference([(1, "a")], [(1, "a"), (2, "b")]) == "missing 2")
        #expect(try difference([], [(1, "a")]) == "missing 1")
    }
}
