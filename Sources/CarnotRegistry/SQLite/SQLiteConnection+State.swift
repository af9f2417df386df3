import CCarnotSQLite

extension SQLiteConnection {
    /// True inside a write transaction (`BEGIN IMMEDIATE`, as every append and import opens): sqlite.org/
    /// c3ref/txn_state.html, SQLITE_TXN_WRITE "the database is currently in a write transaction". A read
    /// inside such a transaction may repair derived data; a read anywhere else never writes.
    var inWriteTransaction: Bool { sqlite3_txn_state(handle, nil) == SQLITE_TXN_WRITE }
}
