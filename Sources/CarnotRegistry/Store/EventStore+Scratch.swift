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

    /// Makes this new, empty scratch store `audit`'s replay, which leaves out what the audit never reads.
    ///
    /// - The Merkle tree is kept as its right edge in memory (`MerkleFrontier`), not as two rows per event in
    ///   `merkle_nodes`: the audit asks the replay for one root (a signed checkpoint's, `treeCheckpoint`),
    ///   never for a proof, and never verifies the replay.
    /// - No `events_recorded` index: it serves cut-offs by record time (`--known-at`), which the audit never
    ///   asks.
    /// - No chain trigger on insert: the import checks every event's position and `prev` against the head
    ///   before inserting it, and no other writer ever opens this private file, removed after the audit.
    ///   The triggers refusing UPDATE and DELETE stay (they cost nothing on insert).
    ///
    /// The events, the chain's checks and every other derived table are as an import writes them. Measured
    /// on `audit` of the 100k synthetic log, three interleaved runs each, CPU: 5.4-5.9 s as it was, 4.6-5.0 s
    /// with the frontier, 3.9-4.3 s without the trigger too; of the bench's 1M log and snapshots, one pair on
    /// a loaded machine: 74.9 -> 66.0 s.
    func makeAuditReplay() throws(StoreError) {
        try guarded {
            guard try connection.integer("SELECT count(*) FROM events") == 0 else {
                throw StoreError.integrity("only an empty scratch store can become an audit's replay")
            }
            try connection.execute("DROP INDEX events_recorded; DROP TRIGGER events_chain_on_insert")
            merkleFrontierOnly = MerkleFrontier()
        }
    }
}
