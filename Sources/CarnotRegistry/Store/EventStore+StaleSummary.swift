extension EventStore {
    /// Whether the events from position `first` to `upto` wrote any of `keys` on or before `day`, as
    /// `recordsWritten` would find, without building the set of every record they wrote: nil when it cannot
    /// tell (a correction or retraction among them, an event that cannot be decoded, or more than
    /// `staleScanLimit` of them), and the caller asks `recordsWritten`.
    ///
    /// `checkpoint(onOrBefore:holding:)` walks back, checkpoint by checkpoint, to one that still holds
    /// `keys`. Stale checkpoints share the few positions that made them stale, so the events from each such
    /// position are read once, into the earliest day each record was written (`staleSummaries`); each
    /// checkpoint is then a lookup per key.
    func writesAny(of keys: Set<String>, since first: Int64, upto: Int64, onOrBefore day: Day) throws -> Bool? {
        guard upto - first < Self.staleScanLimit else { return nil }
        let earliest: [String: Day]?
        if let kept = staleSummaries[first], kept.upto == upto {
            earliest = kept.earliest
        } else if try correctionRecorded(from: first, through: upto) {
            earliest = nil
        } else {
            var days: [String: Day]? = [:]
            var position = first
            while days != nil, position <= upto {
                if let written = try recordsWritten(at: position) {
                    for key in written.keys where days?[key].map({ written.effective < $0 }) ?? true {
                        days?[key] = written.effective
                    }
                } else {
                    days = nil
                }
                position += 1
            }
            if connection.inWriteTransaction || walkingStaleCheckpoints { staleSummaries[first] = (upto, days) }
            earliest = days
        }
        guard let earliest else { return nil }
        return keys.contains { key in earliest[key].map { $0 <= day } ?? false }
    }

    /// The day and records of the event at `position` (nil: a correction or retraction, or undecodable), kept
    /// for the rest of the write (`writtenRecords`) when inside one, or for the walk of a read.
    func recordsWritten(at position: Int64) throws -> WrittenRecords.Written {
        let read = { () throws -> WrittenRecords.Written in
            guard let fact = try self.foldedFact(at: position), !fact.event.isCorrection else { return nil }
            return (fact.effective, fact.event.recordKeys)
        }
        return connection.inWriteTransaction || walkingStaleCheckpoints ? try writtenRecords.at(position, read: read) : try read()
    }

    /// Whether a retraction or a correction was recorded at a position from `first` to `through`, by the
    /// correction index: one lookup, where the scans of `writesAny` and `recordsWritten` would read every event
    /// up to it (and answer nil). A row missing from the index is still met by the scan; an extra one only
    /// makes the walk go further back. Both are what `verify` reports.
    func correctionRecorded(from first: Int64, through: Int64) throws -> Bool {
        guard first <= through else { return false }
        return try connection.statement("SELECT 1 FROM corrections WHERE seq >= ?1 AND seq <= ?2 LIMIT 1")
            .first([.integer(first), .integer(through)]) { _ in true } ?? false
    }
}
