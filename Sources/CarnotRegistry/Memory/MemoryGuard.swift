import CCarnotMemory

/// The last line of defence when memory runs out where no error can be thrown.
///
/// SQLite reports a failed allocation (`SQLiteError.isOutOfMemory`); Swift does not: it ends the process
/// with "failed to allocate N bytes" and SIGABRT. The guard catches that signal (and SIGSEGV, SIGBUS, which
/// a failed allocation can also end in) when less than `nearLimit` is left under the memory limit, prints
/// the caller's message and exits with status 1. A crash with room to spare goes on to the Swift runtime's
/// crash report as before. Ending the process there leaves the store at its last commit, since every write
/// is one SQLite transaction.
public enum MemoryGuard {
    /// When less than this is left under the limit, a crash is taken for a failed allocation: none of the
    /// allocations outside SQLite is larger (a log line is at most `LogFile.Reader.maximumLineLength`, 16 MB,
    /// and its buffer at most twice that).
    public static let nearLimit: UInt64 = 64 << 20

    /// Installs the guard: it prints `message`, the limit and what was in use in parentheses, then `advice`.
    public static func install(message: String, advice: String) {
        carnot_memory_install_guard(message, advice, nearLimit)
    }

    /// Names the store file this command created, removed (with its -wal and -shm files) should the guard
    /// stop the process, as a refused import removes the store it created; nil forgets it.
    public static func removeOnStop(_ path: String?) {
        if let path { carnot_memory_remove_on_stop(path) } else { carnot_memory_remove_on_stop(nil) }
    }

    /// True once SQLite reported that it could not allocate memory, in this process.
    public static var shortageNoted: Bool { carnot_memory_shortage_noted() != 0 }

    /// What the memory limit counts now, in bytes.
    public static var inUse: UInt64 { carnot_memory_in_use() }
}
