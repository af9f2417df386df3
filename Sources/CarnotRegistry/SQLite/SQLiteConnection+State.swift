import CCarnotSQLite

extension SQLiteConnection {
    /// True inside an open transaction (sqlite.org/c3ref/get_autocommit.html: autocommit mode "is disabled
    /// by a BEGIN statement").
    var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
