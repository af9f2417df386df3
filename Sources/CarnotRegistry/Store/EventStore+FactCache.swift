extension EventStore {
    /// The fact stored at `seq`, for a fold from the entity index; nil when this build cannot decode it
    /// (reported once through `warn`, as `readableFact` does).
    ///
    /// A decision of many back-dated events folds the same entities' facts again for each of its events.
    /// Inside one write transaction no other process can change the file, and a position holds one event
    /// for good, so each fact is read and decoded once and then taken from `factCache`; `refresh` empties
    /// the cache when a write begins (a rolled-back decision may have cached positions that a later one
    /// fills with other events). Outside a write transaction nothing is cached.
    func foldedFact(at seq: Int64) throws -> StoredFact? {
        let caching = connection.inWriteTransaction
        if caching, let known = recentFacts.fact(at: seq) ?? factCache[seq] { return known }
        let fact = try connection.statement("SELECT body FROM events WHERE seq = ?1")
            .first([.integer(seq)]) { row in try readableFact(seq: seq, row: row, column: 0) } ?? nil
        if caching, let fact {
            // Bounded: a decision that touches more facts than this starts the cache again.
            if factCache.count >= Self.factCacheLimit { factCache.removeAll(keepingCapacity: true) }
            factCache[seq] = fact
        }
        return fact
    }

    /// At most this many facts are cached (about 20 MB).
    static let factCacheLimit = 100_000

    /// Empties what a write transaction keeps (`factCache`, `recentFacts`, `filedPositions`, `merkleFrontier`,
    /// `staleWrites`, `writtenRecords`, `staleSummaries`; not `decodedCheckpoints`, which are checked against
    /// their rows on every use): when a write begins, since a rolled-back one may have kept positions a later
    /// one fills with other events, and when it ends, so that a long-running process (the server) does not hold
    /// them between writes.
    func forgetWriteCaches() {
        factCache = [:]
        recentFacts.removeAll()
        filedPositions.removeAll()
        merkleFrontier = [:]
        staleWrites = [:]
        writtenRecords.removeAll()
        staleSummaries = [:]
        entityCursors = EntityCursors()
        invalidatedFrom = nil
    }
}
