import CCarnotMemory
import CCarnotSQLite

/// An error reported by SQLite: the result code, the extended code, SQLite's message and the SQL that failed.
///
/// Bound values are never included: they may carry user data, and the SQL with its placeholders is what a
/// developer needs to locate the failure.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, ...).
    public let code: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_TRIGGER`, ...).
    public let extendedCode: Int32
    /// SQLite's own message (`sqlite3_errmsg`).
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
        // Recorded for the whole process: a caller may wrap this error in its own words (a replay that
        // "does not replay"), and the command line must still say that memory ran out, not that data is bad.
        if code & 0xFF == SQLITE_NOMEM { carnot_memory_note_shortage() }
    }

    init(connection: OpaquePointer?, code: Int32, sql: String? = nil) {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        self.init(code: code & 0xFF, extendedCode: extended, message: message, sql: sql)
    }

    /// True when another connection holds the write lock beyond the busy timeout.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    /// True when a constraint (unique key, trigger) refused the write.
    public var isConstraint: Bool { code == SQLITE_CONSTRAINT }
    /// True when a UNIQUE index refused the write (a value already taken): `SQLITE_CONSTRAINT_UNIQUE`, whose
    /// macro (`SQLITE_CONSTRAINT | (8<<8)`) Swift does not import.
    public var isUniqueViolation: Bool { extendedCode == SQLITE_CONSTRAINT | (8 << 8) }
    /// True when SQLite could not allocate memory: its hard heap limit (`SQLiteHeap`) or the process's.
    public var isOutOfMemory: Bool { code == SQLITE_NOMEM }
    /// True when the connection is read-only.
    public var isReadOnly: Bool { code == SQLITE_READONLY }

    public var description: String {
        var text = "SQLite error \(code) (extended \(extendedCode)): \(message)"
        if let sql { text += " [SQL: \(sql)]" }
        return text
    }
}
