extension EventStore {
    /// A checkpoint row: its day and the position it was computed at.
    struct CheckpointID: Hashable {
        let day: Day
        let position: Int64
    }

    /// The records that the events from position `first` (the one that made the checkpoint stale) to `upto`
    /// wrote on or before the checkpoint's `day`: the records it no longer holds. Nil when one of them is a
    /// retraction or a correction (which may change records it does not name), or cannot be decoded, or
    /// when more than `staleScanLimit` events would be read: then no record of the checkpoint is trusted.
    ///
    /// Inside a write transaction the answer is kept per checkpoint and extended to each new `upto`, so a
    /// decision's events are read once per checkpoint, not once per validation; a committed append keeps its
    /// answers for the next writes of the process (`keepStaleWrites`), since a back-dated decision leaves its
    /// stale checkpoints in place until the next interval and each later back-dated decision reads them.
    func recordsWritten(since first: Int64, upto: Int64, onOrBefore day: Day, checkpoint position: Int64) throws -> Set<String>? {
        let id = CheckpointID(day: day, position: position)
        // Taken out while it grows, so that the set is not copied.
        var entry = staleWrites.removeValue(forKey: id)
        if entry == nil, connection.inWriteTransaction, let kept = committedStaleWrites[id], kept.first == first, kept.through <= upto {
            entry = kept
        }
        var (through, keys) = entry.map { ($0.through, $0.keys) } ?? (first - 1, [])
        guard upto - through <= Self.staleScanLimit else { return nil }
        if try correctionRecorded(from: through + 1, through: upto) { keys = nil }
        while keys != nil, through < upto {
            through += 1
            guard let written = try recordsWritten(at: through) else {
                keys = nil
                break
            }
            if written.effective <= day { keys?.formUnion(written.keys) }
        }
        if connection.inWriteTransaction { staleWrites[id] = (first, upto, keys) }
        return keys
    }

    /// Keeps the current write's `staleWrites` once it has committed: the positions they read are then part of
    /// the log for good. Dropped when another process changed the head (`refresh`), and bounded.
    func keepStaleWrites() {
        if committedStaleWrites.count + staleWrites.count > Self.keptStaleWritesLimit { committedStaleWrites.removeAll() }
        committedStaleWrites.merge(staleWrites) { _, new in new }
    }

    /// At most this many checkpoints' answers are kept between writes.
    static let keptStaleWritesLimit = 256

    /// At most this many events are read to learn which records a stale checkpoint still holds.
    static let staleScanLimit: Int64 = 50_000
}
