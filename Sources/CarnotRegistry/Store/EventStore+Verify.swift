extension EventStore {
    /// Recomputes the whole chain from the stored rows (not from the cache), and when `expectedHead` is
    /// given, checks that the log still contains that published head: a truncated or forked log fails.
    /// `progress` is called with (events checked, events in the log) every few thousand events.
    public func verify(expectedHead: LogHead? = nil, progress: ((Int64, Int64) -> Void)? = nil) throws(StoreError) -> VerificationReport {
        try guarded {
            let total = progress == nil ? 0 : try connection.integer("SELECT COALESCE(MAX(seq), 0) FROM events")
            var verifier = ChainVerifier()
            var failure: ChainVerifier.Failure?
            let statement = try connection.statement(
                "SELECT seq, body, prev, hash, type, effective, recorded FROM events ORDER BY seq")
            try statement.query { row in
                do {
                    try verifier.check(seq: row.integer(0), body: row.bytes(1), prev: row.text(2), hash: row.text(3),
                                       columns: (row.text(4), row.integer(5), row.integer(6)))
                    if let progress, row.integer(0) % 5_000 == 0 || row.integer(0) == total { progress(row.integer(0), total) }
                    if let expectedHead, row.integer(0) == expectedHead.seq, row.text(3) != expectedHead.hash {
                        failure = ChainVerifier.Failure(seq: expectedHead.seq, reason:
                            "the log forks from the published head: hash \(row.text(3).prefix(12))... instead of \(expectedHead.hash.prefix(12))...")
                        return false
                    }
                    return true
                } catch let error as ChainVerifier.Failure {
                    failure = error
                    return false
                }
            }
            if failure == nil, let expectedHead, verifier.head.seq < expectedHead.seq {
                failure = ChainVerifier.Failure(seq: verifier.head.seq + 1, reason:
                    "the log ends at \(verifier.head.seq) but the published head is at \(expectedHead.seq): events were removed from the end")
            }
            return VerificationReport(verifiedHead: verifier.head, failure: failure)
        }
    }
}
