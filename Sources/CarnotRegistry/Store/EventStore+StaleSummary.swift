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
            if connection.inWriteTransaction { staleSummaries[first] = (upto, days) }
            earliest = days
        }
        guard let earliest else { return nil }
        return keys.contains { key in earliest[key].map { $0 <= day } ?? false }
    }

    /// The day and records of the event at `position` (nil: a correction or retraction, or undecodable), kept
    /// for the rest of the write (`writtenRecords`) when inside one.
    func recordsWritten(at position: Int64) throws -> WrittenRecords.Written {
        let read = { () throws -> WrittenRecords.Written in
            guard let fact = try self.foldedFact(at: position), !fact.event.isCorrection else { return nil }
            return (fact.effective, fact.event.recordKeys)
        }
        return connection.inWriteTransaction ? try writtenRecords.at(position, read: read) : try read()
    }
}
