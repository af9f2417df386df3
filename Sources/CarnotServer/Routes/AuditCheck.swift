import CarnotRegistry
import Foundation

/// What an auditor checks on a running server: the chain, and each published snapshot against the state
/// the store gives for the snapshot's day at the snapshot's head (and that head's hash).
struct AuditCheck: Sendable {
    struct SnapshotMatch: Sendable {
        let file: String
        let at: Day
        let head: LogHead
        /// Empty when the store gives the same document at the same head.
        let problems: [String]
    }

    let verification: VerificationReport
    let snapshots: [SnapshotMatch]

    static func run(on store: EventStore, snapshotsFolder: String?) throws -> AuditCheck {
        let report = try store.verify()
        var matches: [SnapshotMatch] = []
        let files = snapshotsFolder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0) }?
            .filter { $0.hasSuffix(".json") }.sorted() ?? []
        for file in files {
            let path = (snapshotsFolder! as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path),
                  let json = try? JSONParser.parse([UInt8](data)), let snapshot = try? Snapshot(json: json) else {
                matches.append(SnapshotMatch(file: file, at: Day(ordinal: 0), head: .empty, problems: ["not a snapshot document"]))
                continue
            }
            let current = try store.head()
            guard snapshot.head.seq <= current.seq else {
                matches.append(SnapshotMatch(file: file, at: snapshot.at, head: snapshot.head,
                                             problems: ["the snapshot's head \(snapshot.head.seq) is past the log's head \(current.seq)"]))
                continue
            }
            let hash = try store.events(from: max(1, snapshot.head.seq), through: snapshot.head.seq).last?.hash ?? EventSchema.genesisHash
            var problems: [String] = []
            if hash != snapshot.head.hash { problems.append("the log's hash at \(snapshot.head.seq) is \(hash), the snapshot says \(snapshot.head.hash)") }
            let recomputed = Snapshot(state: try store.state(at: snapshot.at, knownAt: .position(snapshot.head.seq)), at: snapshot.at, head: snapshot.head)
            problems += JSONDiff.differences(expected: snapshot.document, found: recomputed.document).map(\.description)
            matches.append(SnapshotMatch(file: file, at: snapshot.at, head: snapshot.head, problems: problems))
        }
        return AuditCheck(verification: report, snapshots: matches)
    }

    var document: JSONValue {
        .object([
            "verify": QueryDocuments.verification(verification),
            "snapshots": .array(snapshots.map { match in
                .object(["file": .string(match.file), "at": .string(match.at.description), "head": QueryDocuments.head(match.head),
                         "matches": .bool(match.problems.isEmpty), "differences": .array(match.problems.map { .string($0) })])
            }),
        ])
    }
}
