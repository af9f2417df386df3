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
    /// decision's events are read once per checkpoint, not once per validation.
    func recordsWritten(since first: Int64, upto: Int64, onOrBefore day: Day, checkpoint position: Int64) throws -> Set<String>? {
        let id = CheckpointID(day: day, position: position)
        // Taken out while it grows, so that the set is not copied.
        var (through, keys): (Int64, Set<String>?) = staleWrites.removeValue(forKey: id) ?? (first - 1, [])
        guard upto - through <= Self.staleScanLimit else { return nil }
        while keys != nil, through < upto {
            through += 1
            guard let fact = try foldedFact(at: through), !fact.event.isCorrection else {
                keys = nil
                break
            }
            if fact.effective <= day { keys?.formUnion(fact.event.recordKeys) }
        }
        if connection.inWriteTransaction { staleWrites[id] = (upto, keys) }
        return keys
    }

    /// At most this many events are read to learn which records a stale checkpoint still holds.
    static let staleScanLimit: Int64 = 50_000
}
