import Foundation
import Testing
@testable import CarnotRegistry

/// `state(at:)` decodes its checkpoint on another thread while it reads the facts after it; a checkpoint
/// whose seals hold but whose bytes do not decode must still be passed over, with a warning, as before.
struct UndecodableCheckpointTests {
    @Test func aSealedCheckpointThatDoesNotDecodeIsPassedOverWithAWarningAndTheAnswersStay() throws {
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("store.sqlite").path
            let days = ["2006-12-31", "2011-04-28", "2016-07-06", "2020-02-07"].map(day)
            let answers = try { () throws -> [RegistryState] in
                let store = try EventStore(path: path, checkpointInterval: 20)
                _ = try store.importLog(try LogFile.read(try #require(BundledHistory.folder())))
                return try days.map { try store.state(at: $0) }
            }()
            // Every checkpoint sealed afresh over bytes of an unknown format version.
            let raw = try SQLiteConnection(path: path)
            let rows = try SealedCheckpointRow.all(raw)
            #expect(rows.count >= 5)
            for row in rows {
                var bytes = row.state
                bytes[1] = 99
                try row.reseal(bytes, in: raw)
            }

            let reader = try EventStore(path: path, access: .read)
            var warnings: [String] = []
            reader.warn = { warnings.append($0) }
            #expect(try days.map { try reader.state(at: $0) } == answers)
            #expect(warnings.contains { $0.contains("damaged") })
        }
    }
}
