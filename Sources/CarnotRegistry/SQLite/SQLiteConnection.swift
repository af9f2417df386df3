import CCarnotSQLite

/// One connection to a SQLite database file, used from one thread at a time.
///
/// Opening applies the settings the store relies on: WAL journal, `synchronous=FULL` (sqlite.org: "a
/// transaction committed in WAL mode with synchronous=FULL is durable across a power loss"), a bounded busy
/// timeout so concurrent writers wait instead of failing at once, and defensive mode.
public final class SQLiteConnection {
    let handle: OpaquePointer
    /// The path the connection was opened with (`:memory:` for an in-memory database).
    public let path: String
    private var statements: [String: SQLiteStatement] = [:]

    /// How a connection may use its file.
    public enum Mode: Sendable {
        case readWrite
        case readOnly
    }

    /// Opens (and when writable, creates) the database at `path`.
    /// - Parameters:
    ///   - path: a file path, or `:memory:`.
    ///   - mode: read-only opens with `SQLITE_OPEN_READONLY`: SQLite itself refuses every write.
    ///   - busyTimeoutMilliseconds: how long a writer waits for the lock before `SQLITE_BUSY`.
    /// - Throws: `SQLiteError` when the file cannot be opened.
    public init(path: String, mode: Mode = .readWrite, busyTimeoutMilliseconds: Int32 = 10_000) throws(SQLiteError) {
        _ = Self.processConfigured
        var connection: OpaquePointer?
        let flags: Int32 = switch mode {
        case .readWrite: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        case .readOnly: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        }
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(connection: connection, code: code)
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = path
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, busyTimeoutMilliseconds)
        _ = carnot_sqlite3_enable_defensive(connection)
    }

    /// Settings of the SQLite library for the whole process, applied once before it opens its first file.
    ///
    /// Statement journals: an insert into `events`, whose trigger makes it a statement that may abort, keeps
    /// the pages it changes in one, to undo the statement alone. SQLite writes a statement journal to a
    /// temporary file once it outgrows 64 KiB, and keeps that file for the rest of the transaction: a decision
    /// of 4,000 events at 1M wrote 114 MB in 55,000 writes there (about 7 pages per event). Kept in memory,
    /// a journal is emptied after each statement instead. Always in memory (-1), not up to a bound: SQLite
    /// 3.40 failed with SQLITE_FULL when a statement journal of a larger bound (4 MiB) was written out to its
    /// file (seen on the layout-7 upgrade of the 1M store). A statement journal holds only the pages one
    /// statement changes that the transaction had before it, and every statement with one here changes a
    /// few pages: an insert into `events` or `idempotency`.
    private static let processConfigured: Bool = {
        // SQLITE_MISUSE when SQLite was already initialised in this process: it keeps its defaults.
        carnot_sqlite3_config_statement_journal_spill(-1) == SQLITE_OK
    }()

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that take no parameters (schema, pragmas).
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: code & 0xFF, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// A prepared statement for `sql`, prepared once and reused for the life of the connection.
    public func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let prepared = try SQLiteStatement(connection: self, sql: sql)
        statements[sql] = prepared
        return prepared
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock at once, so a concurrent writer waits on the busy timeout here,
    /// before reading the head, rather than failing later at commit with a stale read.
    public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The value of a single-integer pragma or query.
    public func integer(_ sql: String) throws -> Int64 {
        try statement(sql).first { $0.integer(0) } ?? 0
    }
}
