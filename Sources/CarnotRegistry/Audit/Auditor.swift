import Foundation

/// Replays a published log into a fresh in-memory store and recomputes every snapshot from it.
///
/// The import verifies the chain and validates every event; each snapshot is then recomputed from the log
/// up to the head it names, and compared field by field.
public enum Auditor {
    /// Audits the log at `events` (a file or folder) against the snapshots in `snapshots` (a folder of
    /// `.json` files, or one file).
    ///
    /// Streamed: the log is read a line at a time and replayed into a private store file (removed after),
    /// and each snapshot is recomputed from that store's events in fold order, so memory holds neither the
    /// log nor its events, whatever their number.
    /// - Parameter progress: called with (events replayed, bytes of the log read, bytes in the log).
    /// - Throws: `StoreError.badLine` when the log itself does not import (altered line, broken chain).
    public static func audit(events: String, snapshots: String,
                             progress: ((Int, Int64, Int64) -> Void)? = nil) throws(StoreError) -> AuditReport {
        let reader: LogFile.Prefetcher
        do { reader = LogFile.Prefetcher(try LogFile.Reader(events)) } catch { throw .badLine(error) }
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("carnot-audit-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try EventStore(path: (folder as NSString).appendingPathComponent("replay.sqlite"))
        try store.makeScratch()
        try store.makeAuditReplay()
        let imported = try store.importLog(from: reader.next) { done in progress?(done, reader.bytesRead, reader.totalBytes) }
        // Snapshots are recomputed by `Timeline`'s rules from the events themselves, not from the store's
        // checkpoints: an audit proves its answers from the log alone.
        let verdicts = snapshotFiles(snapshots).map { check($0, store: store, head: imported.head) }
        var report = AuditReport(eventsReplayed: Int(imported.head.seq), head: imported.head, verdicts: verdicts)
        var isFolder: ObjCBool = false
        let logFolder = FileManager.default.fileExists(atPath: events, isDirectory: &isFolder) && isFolder.boolValue
            ? events : (events as NSString).deletingLastPathComponent
        // The replay's Merkle tree was built from the log's own lines as they were imported.
        let root = { (size: Int64) throws -> [UInt8] in
            size == 0 ? try MerkleTree().root(size: 0) : try store.treeCheckpoint(origin: "audit", size: size).rootHash
        }
        switch PublishedCheckpoint.check(folder: logFolder, logSize: imported.head.seq, root: root) {
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
        let head = try store.head()
        let verdicts = snapshotFiles(snapshots).map { file in
            check(file, store: store, head: head) { day, upto in try store.state(at: day, knownAt: .position(upto)) }
        }
        var report = AuditReport(eventsReplayed: Int(head.seq), head: head, verdicts: verdicts)
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

    /// Checks one snapshot against the state recomputed from the events of `store` (whose head is `head`),
    /// and, when given, against the live store's answer (`answer`, for a day and a cut-off), which must be
    /// the same.
    static func check(_ file: String, store: EventStore, head: LogHead,
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
        guard snapshot.head.seq >= 0, snapshot.head.seq <= head.seq else {
            return problem("computed from position \(snapshot.head.seq), beyond the log's head \(head.seq)", snapshot.at, snapshot.head)
        }
        let state: RegistryState
        do {
            guard try store.hash(at: snapshot.head.seq) == snapshot.head.hash else {
                return problem("the log's hash at position \(snapshot.head.seq) is not the snapshot's: the log was rewritten", snapshot.at, snapshot.head)
            }
            state = try store.recomputedState(at: snapshot.at, upto: snapshot.head.seq)
        } catch {
            return problem("the log cannot be replayed to it: \(error)", snapshot.at, snapshot.head)
        }
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
