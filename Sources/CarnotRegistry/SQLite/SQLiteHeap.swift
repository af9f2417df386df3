import CCarnotSQLite

/// SQLite's heap limits, for the whole process (every connection shares one heap).
///
/// sqlite.org/c3ref/hard_heap_limit64.html: with a hard limit, "any attempt to allocate memory that would
/// exceed the hard heap limit fails" and the statement reports SQLITE_NOMEM, which rolls its transaction
/// back; the soft limit is advisory: near it, the page cache recycles its pages rather than growing
/// (pcache1's "under memory pressure"). Under `ulimit -v` this keeps SQLite from taking the memory the rest
/// of the process needs, whose allocation failures end the process rather than return an error.
public enum SQLiteHeap {
    /// Sets the soft and hard limits, in bytes (0: no limit).
    public static func limit(soft: Int64, hard: Int64) {
        _ = sqlite3_hard_heap_limit64(hard)
        _ = sqlite3_soft_heap_limit64(soft)
    }

    /// The hard limit now in force, in bytes; 0 when there is none.
    public static var hardLimit: Int64 { sqlite3_hard_heap_limit64(-1) }

    /// The bytes SQLite holds on its heap now.
    public static var inUse: Int64 { sqlite3_memory_used() }
}
