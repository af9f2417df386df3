import CCarnotSQLite
import Testing
@testable import CarnotRegistry

/// SQLite's failures on the file are told by their real cause, never blaming a flag the user did not give
/// (this runs as root in CI, where a read-only file cannot be made, so the mapping itself is checked).
@Suite struct StoreErrorCauseTests {
    @Test(arguments: [
        (SQLITE_READONLY, "not writable"), (SQLITE_FULL, "disk is full"), (SQLITE_CANTOPEN, "cannot open"),
        (SQLITE_PERM, "permission denied"), (SQLITE_NOTADB, "not a carnot store"),
    ])
    func aFileFailureNamesItsCause(code: Int32, words: String) {
        let error = EventStore.explain(SQLiteError(code: code, message: "sqlite says so"), path: "some.sqlite")
        #expect(error.description.contains(words))
        #expect(error.description.contains("some.sqlite"))
        #expect(!error.description.contains("--read-only"))
    }
}
