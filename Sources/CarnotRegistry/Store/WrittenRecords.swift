/// Per position of the log, the records its event writes and its day, as `recordsWritten` reads them: kept
/// for the current write, so that the stale checkpoints it asks about, which share the positions that made
/// them stale, read each position once rather than once per checkpoint.
///
/// A process that loads after a back-dated decision looks, checkpoint by checkpoint back to the decision's
/// day, for one that still holds the records its front no longer does (`checkpoint(onOrBefore:holding:)`).
/// At 1M events, after the bench's back-dated decisions, that was 582 stale checkpoints reading the same
/// 4,000 positions each: about 0.9 s of CPU for every decision made by a new process.
///
/// Positions are kept from `base` on, one after the other, as the scans read them forward; a scan from an
/// earlier position starts the memo again there. At most `capacity` positions.
struct WrittenRecords {
    /// What one position writes: nil when its event is a correction or a retraction (which may change
    /// records it does not name) or cannot be decoded.
    typealias Written = (effective: Day, keys: Set<String>)?

    static let capacity = 65_536

    private var base: Int64 = 0
    private var written: [Written] = []

    /// What `seq` writes, read through `read` the first time.
    mutating func at(_ seq: Int64, read: () throws -> Written) rethrows -> Written {
        if seq >= base, seq - base < Int64(written.count) { return written[Int(seq - base)] }
        let value = try read()
        if written.isEmpty || seq < base {
            base = seq
            written = [value]
        } else if seq - base == Int64(written.count), written.count < Self.capacity {
            written.append(value)
        }
        return value
    }

    /// Forgets every position.
    mutating func removeAll() {
        written = []
    }
}
