extension EventStore {
    /// Page cache of a scratch store, in KiB: the indexes an import probes for every event (ids, the entity
    /// index, the Merkle tree) stay in memory rather than round-tripping through the file; bounded, whatever
    /// the log's length.
    static let scratchCacheKiB = 65_536

    /// Makes this new store a scratch file: a private replay of a log that no other process opens and that
    /// is removed after use (`verify`'s rules replay, `audit`'s import of a published log).
    ///
    /// What makes a store durable and shareable is pure cost there: no fsync (`synchronous = OFF`), no
    /// write-ahead log (its frames are written, then read back; the rollback journal is kept in memory, so
    /// a refused batch still rolls back), one exclusive lock for the connection's life rather than a lock
    /// and unlock per transaction, and a page cache of `scratchCacheKiB`. What the store holds and how it
    /// is validated are unchanged.
    func makeScratch() throws(StoreError) {
        try guarded {
            try connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            try connection.execute("PRAGMA journal_mode = MEMORY")
            try connection.execute("PRAGMA synchronous = OFF")
            try connection.execute("PRAGMA cache_size = -\(Self.scratchCacheKiB)")
        }
    }
}
