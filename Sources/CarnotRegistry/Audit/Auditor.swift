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
        // Snapshots are recomputed by `Timeline` from the events themselves, not from the store's
        // checkpoints: an audit proves its answers from the log alone.
        let events = try store.events()
        var verdicts: [AuditReport.Verdict] = []
        for file in snapshotFiles(snapshots) {
            verdicts.append(check(file, events: events))
        }
        return AuditReport(eventsReplayed: events.count, head: try store.head(), verdicts: verdicts)
    }

    static func snapshotFiles(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }

    static func check(_ file: String, events: [RecordedEvent]) -> AuditReport.Verdict {
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
        let replayed = Snapshot(state: state, at: snapshot.at, head: snapshot.head)
        return AuditReport.Verdict(file: name, at: snapshot.at, head: snapshot.head,
                                   differences: JSONDiff.differences(expected: snapshot.document, found: replayed.document),
                                   problem: nil)
    }
}
