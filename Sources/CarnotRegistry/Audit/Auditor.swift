import Foundation

/// Replays a published log into a fresh in-memory store and recomputes every snapshot from it.
///
/// The import verifies the chain and validates every event; each snapshot is then recomputed from the log
/// up to the head it names, and compared field by field.
public enum Auditor {
    /// Audits the log at `events` (a file or folder) against the snapshots in `snapshots` (a folder of
    /// `.json` files, or one file).
    /// - Throws: `StoreError.badLine` when the log itself does not import (altered line, broken chain).
    /// `progress` is called with (events replayed, events in the log) as the replay goes.
    public static func audit(events: String, snapshots: String, progress: ((Int, Int) -> Void)? = nil) throws(StoreError) -> AuditReport {
        let entries: [LogFile.Entry]
        do { entries = try LogFile.read(events) } catch { throw .badLine(error) }
        let store = try EventStore(path: ":memory:")
        _ = try store.importLog(entries, progress: progress)
        let path = events
        // Snapshots are recomputed by `Timeline` from the events themselves, not from the store's
        // checkpoints: an audit proves its answers from the log alone.
        let events = try store.events()
        var verdicts: [AuditReport.Verdict] = []
        for file in snapshotFiles(snapshots) {
            verdicts.append(check(file, events: events))
        }
        var report = AuditReport(eventsReplayed: events.count, head: try store.head(), verdicts: verdicts)
        var isFolder: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            ? path : (path as NSString).deletingLastPathComponent
        switch PublishedCheckpoint.check(folder: folder, lines: events.map(EventSchema.line)) {
        case .success(let confirmation): report.confirmations.append(confirmation)
        case .failure(let problem): report.problems.append(problem.description)
        case nil: break
        }
        return report
    }

    /// Audits a live store: verifies it in full (chain, rules, every derived table re-derived from a
    /// replay into a fresh store, every checkpoint recomputed), then checks each snapshot against the
    /// store's own answer (from its checkpoints) and against the answer recomputed from its events.
    /// - Throws: `StoreError` when the store cannot be read.
    public static func audit(store: EventStore, snapshots: String) throws(StoreError) -> AuditReport {
        let verification = try store.verify()
        let events = try store.events()
        var verdicts: [AuditReport.Verdict] = []
        for file in snapshotFiles(snapshots) {
            verdicts.append(check(file, events: events) { day, upto in try store.state(at: day, knownAt: .position(upto)) })
        }
        var report = AuditReport(eventsReplayed: events.count, head: try store.head(), verdicts: verdicts)
        if let failure = verification.failure {
            report.problems.append("the store does not verify: \(failure)")
        } else {
            report.confirmations.append("the store verifies in full: chain, rules, corrections, Merkle tree, idempotency keys, \(try store.checkpointCount()) checkpoints")
        }
        return report
    }

    static func snapshotFiles(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }

    /// Checks one snapshot against the state recomputed from `events`, and, when given, against the live
    /// store's answer (`answer`, for a day and a cut-off), which must be the same.
    static func check(_ file: String, events: [RecordedEvent],
                      answer: ((Day, Int64) throws -> RegistryState)? = nil) -> AuditReport.Verdict {
        let name = (file as NSString).lastPathComponent
        func problem(_ text: String, _ at: Day = Day(ordinal: 0), _ head: LogHead = .empty) -> AuditReport.Verdict {
            AuditReport.Verdict(file: name, at: at, head: head, differences: [], problem: text)
        }
        guard let data = FileManager.default.contents(atPath: file) else { return problem("cannot read the file") }
        let snapshot: Snapshot
        do {
            snapshot = try Snapshot(json: try JSONParser.parse([UInt8](data)))
        } catch {
            return problem("not a snapshot: \(error)")
        }
        guard snapshot.head.seq >= 0, snapshot.head.seq <= events.count else {
            return problem("computed from position \(snapshot.head.seq), beyond the log's head \(events.count)", snapshot.at, snapshot.head)
        }
        let actualHash = snapshot.head.seq == 0 ? EventSchema.genesisHash : events[Int(snapshot.head.seq - 1)].hash
        guard actualHash == snapshot.head.hash else {
            return problem("the log's hash at position \(snapshot.head.seq) is not the snapshot's: the log was rewritten", snapshot.at, snapshot.head)
        }
        let state = Timeline.state(of: events, at: snapshot.at, upto: snapshot.head.seq)
        if let answer {
            do {
                guard try answer(snapshot.at, snapshot.head.seq) == state else {
                    return problem("the store's answer differs from the state its own events give: its derived data is damaged (run `carnot verify`)", snapshot.at, snapshot.head)
                }
            } catch {
                return problem("the store cannot answer: \(error)", snapshot.at, snapshot.head)
            }
        }
        let replayed = Snapshot(state: state, at: snapshot.at, head: snapshot.head)
        return AuditReport.Verdict(file: name, at: snapshot.at, head: snapshot.head,
                                   differences: JSONDiff.differences(expected: snapshot.document, found: replayed.document),
                                   problem: nil)
    }
}
