import CCarnotSQLite

extension SQLiteConnection {
    /// True inside a write transaction (`BEGIN IMMEDIATE`, as every append and import opens): sqlite.org/
    /// c3ref/txn_state.html, SQLITE_TXN_WRITE "the database is currently in a write transaction". A read
    /// inside such a transaction may repair derived data; a read anywhere else never writes.
    var inWriteTransaction: Bool { sqlite3_txn_state(handle, nil) == SQLITE_TXN_WRITE }

    /// Runs `body` in one read transaction (`BEGIN`), or in the transaction already open. Its statements then
    /// see one commit and share one read lock: outside a transaction each statement takes and drops its own
    /// (the WAL's read mark and the file's locks), which a read of thousands of facts by position pays per
    /// fact.
    func reading<T>(_ body: () throws -> T) throws -> T {
        guard sqlite3_get_autocommit(handle) != 0 else { return try body() }
        return try transaction(immediate: false, body)
    }
}
