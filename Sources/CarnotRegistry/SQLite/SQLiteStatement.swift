import CCarnotSQLite

/// `SQLITE_TRANSIENT` is a C macro Swift cannot import: it tells SQLite to copy bound text before returning.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
/// `SQLITE_STATIC` (0): SQLite reads bound text where it lies, which must stay valid while it is bound.
let SQLITE_STATIC = unsafeBitCast(0, to: sqlite3_destructor_type.self)

/// A prepared statement, finalized when released.
///
/// Values are only ever bound as parameters, never spliced into SQL. A statement is reset and its bindings
/// cleared before each use, so the same prepared statement can be reused for every row of an append.
public final class SQLiteStatement {
    let handle: OpaquePointer
    let sql: String
    unowned let connection: SQLiteConnection

    init(connection: SQLiteConnection, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError(connection: connection.handle, code: code, sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `values` to its parameters `?1 ... ?n`.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
            case .text(let text): code = sqlite3_bind_text(handle, index, text, -1, SQLITE_TRANSIENT)
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), SQLITE_TRANSIENT)
                }
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
    }

    /// Runs a statement that returns no rows.
    public func execute(_ values: [SQLiteValue] = []) throws(SQLiteError) {
        try bind(values)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code) }
    }

    /// Runs a statement that returns no rows, with `values` bound to `?1 ... ?n` and `utf8`, UTF-8 text, to
    /// `?index`: the text is bound from the caller's bytes, without a `String` made of it first.
    ///
    /// Bound with `SQLITE_STATIC` (sqlite.org: "the application remains responsible for disposing of the
    /// object", which must stay valid "until either the prepared statement is finalized or the same SQL
    /// parameter is bound to something else"): the bytes are lent only while the statement runs, and the
    /// bindings are cleared before they are given back.
    public func execute(_ values: [SQLiteValue], utf8 text: [UInt8], at index: Int32) throws(SQLiteError) {
        try bind(values)
        let code = text.withUnsafeBufferPointer { buffer -> Int32 in
            let bound = buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                    sqlite3_bind_text(handle, index, characters, Int32(buffer.count), SQLITE_STATIC)
                }
            } ?? sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT)
            guard bound == SQLITE_OK else { return bound }
            let stepped = sqlite3_step(handle)
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            return stepped
        }
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code) }
    }

    /// Runs a query, calling `body` with each row; `body` returns false to stop early.
    public func query(_ values: [SQLiteValue] = [], _ body: (SQLiteRow) throws -> Bool) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code) }
            if try !body(SQLiteRow(handle: handle)) { return }
        }
    }

    /// Runs a query with `key` bound to its only parameter `?1` and returns its first row mapped by
    /// `transform`, or nil when there is none: a lookup by position repeated for thousands of positions,
    /// without the array of values `first(_:_:)` takes, and without clearing a binding that is bound again.
    public func first<T>(key: Int64, _ transform: (SQLiteRow) throws -> T) throws -> T? {
        sqlite3_reset(handle)
        let bound = sqlite3_bind_int64(handle, 1, key)
        guard bound == SQLITE_OK else { throw error(bound) }
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw error(code) }
        return try transform(SQLiteRow(handle: handle))
    }

    /// Starts a query to be walked with `next()`: for reading two queries side by side (a merge of two
    /// tables in the same order), which `query`'s callback cannot do.
    public func start(_ values: [SQLiteValue] = []) throws(SQLiteError) { try bind(values) }

    /// The next row of the query `start`ed, nil after the last (the statement is then reset). The row is
    /// valid until the next call.
    public func next() throws(SQLiteError) -> SQLiteRow? {
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE {
            sqlite3_reset(handle)
            return nil
        }
        guard code == SQLITE_ROW else { throw error(code) }
        return SQLiteRow(handle: handle)
    }

    /// Runs a query and returns the first row mapped by `transform`, or nil when there is none.
    public func first<T>(_ values: [SQLiteValue] = [], _ transform: (SQLiteRow) throws -> T) throws -> T? {
        var result: T?
        try query(values) { row in
            result = try transform(row)
            return false
        }
        return result
    }

    private func error(_ code: Int32) -> SQLiteError {
        SQLiteError(connection: connection.handle, code: code, sql: sql)
    }
}

/// A value bound to a statement parameter.
public enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])
}

/// The current row of a running query; valid only inside the query's callback.
public struct SQLiteRow {
    let handle: OpaquePointer

    public func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    public func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column's bytes, without copying them into a String: the fast path for replay.
    public func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_blob(handle, column)?.assumingMemoryBound(to: UInt8.self)
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: pointer, count: count))
    }

    public func bytes(_ column: Int32) -> [UInt8] { withBytes(column) { Array($0) } }
}
