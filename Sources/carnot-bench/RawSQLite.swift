import CCarnotSQLite

/// The baseline: SQLite through its C API alone, on the same rows, table, indexes and durability settings
/// as the store (WAL, `synchronous=FULL`, one durable commit per decision), without anything of ours: no
/// validation, no hashing, no triggers, no checkpoints. The physical limit of this design.
final class RawSQLite {
    private let handle: OpaquePointer
    private var insertStatement: OpaquePointer?

    /// The store's table and indexes, without its triggers.
    static let schema = """
        CREATE TABLE IF NOT EXISTS events (
            seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, effective INTEGER NOT NULL,
            recorded INTEGER NOT NULL, body TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS events_recorded ON events(recorded);
        CREATE INDEX IF NOT EXISTS events_effective ON events(effective, seq);
        """

    init(path: String, create: Bool = true) throws {
        var connection: OpaquePointer?
        let flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY
        guard sqlite3_open_v2(path, &connection, flags, nil) == SQLITE_OK, let connection else {
            throw BenchError("cannot open \(path)")
        }
        handle = connection
        if create {
            try execute("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = FULL")
            try execute(Self.schema)
        }
    }

    deinit {
        sqlite3_finalize(insertStatement)
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchError("\(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
    }

    /// Inserts `rows` in one transaction (one durable commit).
    func insert(_ rows: ArraySlice<RawRow>) throws {
        if insertStatement == nil {
            let sql = "INSERT INTO events (seq, id, type, effective, recorded, body, prev, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            guard sqlite3_prepare_v2(handle, sql, -1, &insertStatement, nil) == SQLITE_OK else {
                throw BenchError("prepare: \(String(cString: sqlite3_errmsg(handle)))")
            }
        }
        let statement = insertStatement
        try execute("BEGIN IMMEDIATE")
        for row in rows {
            sqlite3_bind_int64(statement, 1, row.seq)
            sqlite3_bind_text(statement, 2, row.id, -1, Self.transient)
            sqlite3_bind_text(statement, 3, row.type, -1, Self.transient)
            sqlite3_bind_int64(statement, 4, row.effective)
            sqlite3_bind_int64(statement, 5, row.recorded)
            row.body.withUnsafeBufferPointer { body in
                _ = body.withMemoryRebound(to: CChar.self) { text in
                    sqlite3_bind_text(statement, 6, text.baseAddress, Int32(text.count), Self.transient)
                }
            }
            sqlite3_bind_text(statement, 7, row.prev, -1, Self.transient)
            sqlite3_bind_text(statement, 8, row.hash, -1, Self.transient)
            guard sqlite3_step(statement) == SQLITE_DONE else {
                throw BenchError("insert: \(String(cString: sqlite3_errmsg(handle)))")
            }
            sqlite3_reset(statement)
        }
        try execute("COMMIT")
    }

    /// Reads the rows at positions `from...through`.
    func rows(from: Int64, through: Int64) throws -> [RawRow] {
        var statement: OpaquePointer?
        let sql = "SELECT seq, id, type, effective, recorded, body, prev, hash FROM events WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq"
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw BenchError("prepare: \(String(cString: sqlite3_errmsg(handle)))")
        }
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_int64(statement, 1, from)
        sqlite3_bind_int64(statement, 2, through)
        var rows: [RawRow] = []
        func text(_ column: Int32) -> String { String(cString: sqlite3_column_text(statement, column)) }
        while sqlite3_step(statement) == SQLITE_ROW {
            let body = sqlite3_column_text(statement, 5)!
            let count = Int(sqlite3_column_bytes(statement, 5))
            rows.append(RawRow(seq: sqlite3_column_int64(statement, 0), id: text(1), type: text(2),
                               effective: sqlite3_column_int64(statement, 3), recorded: sqlite3_column_int64(statement, 4),
                               body: Array(UnsafeBufferPointer(start: body, count: count)), prev: text(6), hash: text(7)))
        }
        return rows
    }

    /// Steps through every event in fold order (effective day, position), touching each body: what a
    /// replay reads, without decoding or folding. Returns the rows read.
    func scanInFoldOrder() throws -> Int {
        var statement: OpaquePointer?
        let sql = "SELECT seq, effective, body FROM events WHERE effective > ?1 AND effective <= ?2 AND seq <= ?3 ORDER BY effective, seq"
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw BenchError("prepare: \(String(cString: sqlite3_errmsg(handle)))")
        }
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_int64(statement, 1, .min)
        sqlite3_bind_int64(statement, 2, .max)
        sqlite3_bind_int64(statement, 3, .max)
        var rows = 0
        var bytes = 0
        while sqlite3_step(statement) == SQLITE_ROW {
            bytes &+= Int(sqlite3_column_bytes(statement, 2)) &+ Int(sqlite3_column_int64(statement, 0))
            rows += 1
        }
        if bytes == 42 { print("") }  // keeps the reads from being optimised away
        return rows
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
