import Foundation
import Testing
@testable import CarnotRegistry

/// `audit`'s replay (`makeAuditReplay`) keeps the Merkle tree as its frontier and has no chain trigger: its
/// roots are still the log's, a signed checkpoint that does not match is still refused, and a line off the
/// chain is still refused by the import's own checks.
struct AuditReplayTests {
    static let log = (BundledHistoryTests.events as NSString).appendingPathComponent("recorded-2026.ndjson")

    /// A store that writes the whole tree, for reference.
    static func reference() throws -> EventStore {
        let store = try EventStore(path: ":memory:")
        _ = try store.importLog(try LogFile.read(log))
        return store
    }

    @Test func aReplayKeepingTheFrontierGivesTheStoredTreesRootAtEverySizeAndWritesNoNode() throws {
        let reference = try Self.reference()
        let store = try EventStore(path: ":memory:")
        try store.makeAuditReplay()
        _ = try store.importLog(from: try LogFile.Reader(Self.log).next)
        let head = try store.head().seq
        #expect(head == (try reference.head().seq))
        for size in 1...head {
            #expect(try store.treeCheckpoint(origin: "o", size: size).rootHash == reference.treeCheckpoint(origin: "o", size: size).rootHash, "size \(size)")
        }
        #expect(try store.connection.integer("SELECT count(*) FROM merkle_nodes") == 0)
    }

    @Test func aLineOffTheChainIsRefusedWithoutTheTriggerAndTheRolledBackReplayStillGivesTheLogsRoot() throws {
        let lines = try String(contentsOfFile: Self.log, encoding: .utf8).split(separator: "\n")
        try Fixture.withTemporaryFolder { folder in
            // The last line follows a gap: the import fails there, after the lines before it were inserted.
            let gapped = folder.appendingPathComponent("gapped.ndjson")
            try Data((lines.dropLast(2) + [lines.last!]).map { $0 + "\n" }.joined().utf8).write(to: gapped)
            let store = try EventStore(path: ":memory:")
            try store.makeAuditReplay()
            #expect(try store.connection.integer("SELECT count(*) FROM sqlite_master WHERE name = 'events_chain_on_insert'") == 0)
            let error = #expect(throws: StoreError.self) { try store.importLog(from: try LogFile.Reader(gapped.path).next) }
            #expect(String(describing: error).contains("a gap or a reordering"), "\(String(describing: error))")
            #expect(try store.head().seq == 0)
            _ = try store.importLog(from: try LogFile.Reader(Self.log).next)
            let head = try store.head().seq
            #expect(try store.treeCheckpoint(origin: "o").rootHash == Self.reference().treeCheckpoint(origin: "o", size: head).rootHash)
        }
    }

    @Test func onlyAnEmptyStoreBecomesAnAuditsReplay() throws {
        let store = try Self.reference()
        #expect(throws: StoreError.self) { try store.makeAuditReplay() }
    }

    @Test func anAuditRefusesASignedCheckpointOfTheWholeLogWithAnotherRoot() throws {
        try Fixture.withTemporaryFolder { folder in
            let key = try NoteSignerKey.generate(name: "test")
            let lines = try String(contentsOfFile: Self.log, encoding: .utf8).split(separator: "\n")
            try PublishedCheckpointTests.publish(in: folder, size: Int64(lines.count), key: key)
            let good = try Auditor.audit(events: folder.path, snapshots: BundledHistoryTests.snapshots)
            #expect(good.problems.isEmpty, "\(good.problems)")
            #expect(good.confirmations.contains { $0.contains("signed checkpoint") })
            // Signed by the same key, for the log's size, over the root of one event fewer.
            let wrong = TreeCheckpoint(origin: "carnot-registry", size: Int64(lines.count),
                                       rootHash: try Self.reference().treeCheckpoint(origin: "o", size: Int64(lines.count - 1)).rootHash)
            try Data(try SignedNote.sign(wrong.text, with: key).utf8).write(to: folder.appendingPathComponent(PublishedCheckpoint.checkpointFile))
            let report = try Auditor.audit(events: folder.path, snapshots: BundledHistoryTests.snapshots)
            #expect(report.problems.contains { $0.contains("do not have the signed checkpoint's root") }, "\(report.problems)")
            #expect(!report.passed)
        }
    }
}
