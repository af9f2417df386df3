import Foundation
import Testing
@testable import CarnotRegistry

/// The signed checkpoint published beside the bundled log, as `audit` checks it.
struct PublishedCheckpointTests {
    static let events = BundledHistoryTests.events

    /// A copy of the bundled log in `folder`, with the checkpoint of its first `size` events signed by `key`.
    static func publish(in folder: URL, size: Int64, key: NoteSignerKey, lines: Int? = nil) throws {
        let source = try String(contentsOfFile: (events as NSString).appendingPathComponent("recorded-2026.ndjson"), encoding: .utf8)
        let kept = source.split(separator: "\n").prefix(lines ?? .max).map { $0 + "\n" }.joined()
        try Data(kept.utf8).write(to: folder.appendingPathComponent("recorded-2026.ndjson"))
        let store = try EventStore(path: ":memory:")
        _ = try store.importLog(try LogFile.read(events))
        let note = try SignedNote.sign(try store.treeCheckpoint(origin: "carnot-registry", size: size).text, with: key)
        try Data(note.utf8).write(to: folder.appendingPathComponent(PublishedCheckpoint.checkpointFile))
        try Data((key.verifier.encoded + "\n").utf8).write(to: folder.appendingPathComponent(PublishedCheckpoint.keyFile))
    }

    @Test func theBundledLogsSignedCheckpointVerifies() throws {
        let report = try Auditor.audit(events: Self.events, snapshots: BundledHistoryTests.snapshots)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.confirmations.contains { $0.contains("signed checkpoint") })
    }

    @Test func aCheckpointOfAnEarlierSizeStillHoldsForTheLogThatGrewSince() throws {
        try Fixture.withTemporaryFolder { folder in
            try Self.publish(in: folder, size: 100, key: try NoteSignerKey.generate(name: "test"))
            let report = try Auditor.audit(events: folder.path, snapshots: BundledHistoryTests.snapshots)
            #expect(report.problems.isEmpty, "\(report.problems)")
        }
    }

    @Test func anEditedCheckpointOrALogShorterThanItFailsTheAudit() throws {
        try Fixture.withTemporaryFolder { folder in
            try Self.publish(in: folder, size: 217, key: try NoteSignerKey.generate(name: "test"))
            let path = folder.appendingPathComponent(PublishedCheckpoint.checkpointFile)
            let note = try String(contentsOf: path, encoding: .utf8)
            try Data(note.replacingOccurrences(of: "\n217\n", with: "\n216\n").utf8).write(to: path)
            let edited = try Auditor.audit(events: folder.path, snapshots: BundledHistoryTests.snapshots)
            #expect(edited.problems.first?.contains("does not verify") == true, "\(edited.problems)")
            #expect(!edited.passed)
        }
        try Fixture.withTemporaryFolder { folder in
            try Self.publish(in: folder, size: 217, key: try NoteSignerKey.generate(name: "test"), lines: 200)
            let truncated = try Auditor.audit(events: folder.path, snapshots: BundledHistoryTests.snapshots)
            #expect(truncated.problems.first?.contains("removed") == true, "\(truncated.problems)")
        }
    }
}
