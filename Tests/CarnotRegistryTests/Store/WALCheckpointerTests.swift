import Foundation
import Testing
@testable import CarnotRegistry

/// The write-ahead log is copied into the store's file by a thread of its own (`WALCheckpointer`), not by the
/// commits that fill it; a closed store is one file again.
struct WALCheckpointerTests {
    /// 6,000 events of the synthetic log, as decisions of 100: more pages of log than a checkpoint is asked for at.
    static func decisions() -> [[EventDraft]] {
        var drafts: [EventDraft] = []
        SyntheticLog.generate(.init(events: 6_000, institutes: 20, seed: 31)) { event in
            drafts.append(EventDraft(event.event, effective: PartialDate(day: event.effective, precision: event.precision),
                                     source: event.source, recordedBy: event.recordedBy, confidence: event.confidence,
                                     note: event.note))
        }
        return stride(from: 0, to: drafts.count, by: 100).map { Array(drafts[$0..<min($0 + 100, drafts.count)]) }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func walFrames(_ path: String) -> Int { max(0, size(path + "-wal") - 32) / (4_096 + 24) }

    @Test func theLogIsCopiedIntoTheFileWithoutAWriteDoingIt() throws {
        let decisions = Self.decisions()
        try Fixture.withFileStore { store, path in
            let before = Self.size(path)
            // Decisions until the log has asked for a checkpoint, and no more: no commit reached the size at
            // which it checkpoints itself, so only the thread can copy pages into the file.
            var appended = 0
            for decision in decisions where Self.walFrames(path) < Int(WALCheckpointer.thresholdFrames) {
                try store.append(decision)
                appended += decision.count
            }
            #expect(Self.walFrames(path) >= Int(WALCheckpointer.thresholdFrames))
            #expect(Self.walFrames(path) < Int(WALCheckpointer.synchronousFrames))
            // The thread runs beside the writer: wait for its copy, however loaded the machine.
            let deadline = Date().addingTimeInterval(120)
            while Self.size(path) <= before, Date() < deadline { usleep(20_000) }
            #expect(Self.size(path) > before)
            #expect(try store.head().seq == Int64(appended))
        }
    }

    @Test func aClosedStoreIsOneFileThatReadsBackEveryDecision() throws {
        let decisions = Self.decisions()
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            let head: LogHead
            do {
                let store = try EventStore(path: path)
                for decision in decisions { try store.append(decision) }
                head = try store.head()
            }
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            let reopened = try EventStore(path: path, access: .read)
            #expect(try reopened.head() == head)
            #expect(try reopened.verify().isValid)
        }
    }
}
