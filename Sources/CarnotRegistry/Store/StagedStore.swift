import Foundation

/// A new store built whole under a private name beside its path, then linked into place: what `carnot
/// import` does when the store does not exist yet (the default store's bootstrap does the same).
///
/// While the file is private, no other process opens it, and a refusal, a failure or a kill leaves no store
/// at all; so the import needs neither the write-ahead log (every page written twice, to the log then to the
/// file) nor a sync per commit. It writes the file once, with the rollback journal in memory (a refused
/// import still rolls back) under one exclusive lock, as a scratch store does (`makeScratch`, without its
/// larger page cache). Before the link the file is switched to WAL, as every store is, and synced; the
/// folder is synced after it: the store is durable when `build` returns, as an import's commit is.
///
/// Measured on `carnot import` of the 100k synthetic log, three interleaved runs each, CPU (user + system):
/// 6.4-7.3 s through the write-ahead log, 5.5-6.5 s built this way (system time 1.5-1.9 s -> 0.3 s); of the
/// bench's 1M log, two interleaved pairs on a loaded machine: 112.6 and 131.1 s -> 90.6 and 95.2 s (system
/// 26-30 s -> 7-8 s).
public enum StagedStore {
    /// The private name's infix: `PATH.importing-PID-RANDOM`.
    public static let infix = ".importing-"

    /// Builds the store at `path`, which must not exist: `body` fills the private store (the import), which is
    /// then closed, synced and linked into place. Nothing is left at `path` or under the private name when
    /// `body` throws.
    /// - Parameter body: takes the store and its private path (for a guard that removes it should memory
    ///   run out); it must not keep the store.
    /// - Throws: what `body` throws; `StoreError.unusableFile` when another process created `path` meanwhile
    ///   (nothing of this import is kept: run it again, it skips what the store holds).
    public static func build<T>(at path: String, environment: RecordingEnvironment = SystemEnvironment(),
                                _ body: (EventStore, String) throws(StoreError) -> T) throws(StoreError) -> T {
        let staging = "\(path)\(infix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: staging + suffix) } }
        let result = try fill(staging, environment: environment, body)
        try sync(staging)
        guard link(staging, path) == 0 else {
            let reason = errno == EEXIST ? "another process created it while this import ran; nothing of this import was kept: run it again (events the store holds are skipped)"
                                         : String(cString: strerror(errno))
            throw StoreError.unusableFile("cannot create the store \(path): \(reason)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        try sync(folder.isEmpty ? "." : folder)
        return result
    }

    /// Opens the private store, runs `body` on it and closes it (its only reference ends with this call),
    /// switched back to WAL so that the file linked into place is a store like any other.
    private static func fill<T>(_ staging: String, environment: RecordingEnvironment,
                                _ body: (EventStore, String) throws(StoreError) -> T) throws(StoreError) -> T {
        let store = try EventStore(path: staging, access: .write, environment: environment)
        try store.guarded {
            try store.connection.execute("PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF")
        }
        let result = try body(store, staging)
        try store.guarded {
            try store.connection.execute("PRAGMA synchronous = FULL")
            guard try store.connection.statement("PRAGMA journal_mode = WAL").first([], { $0.text(0) }) == "wal" else {
                throw StoreError.integrity("could not switch the new store back to WAL")
            }
        }
        return result
    }

    /// Flushes a file's (or a folder's) writes to the disk.
    private static func sync(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw StoreError.unusableFile("cannot open \(path) to sync it: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError.unusableFile("cannot sync \(path) to the disk: \(String(cString: strerror(errno)))") }
    }
}
