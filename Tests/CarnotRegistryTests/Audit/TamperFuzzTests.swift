import Foundation
import Testing
@testable import CarnotRegistry

/// An attacker with write access drops the triggers and changes one byte of one stored event, many times
/// over (fixed seed): `verify()` catches every change, at the position changed.
struct TamperFuzzTests {
    /// The stored columns an attacker may edit, with how to write the mutated bytes back.
    private static let columns = ["body", "prev", "hash", "type"]

    @Test func everySingleByteChangeToAStoredEventIsDetectedAtItsPosition() throws {
        try Fixture.withTemporaryFolder { folder in
            let original = folder.appendingPathComponent("original.sqlite").path
            do {
                let store = try EventStore(path: original)
                try store.recordHistory()
            }
            let pristine = try #require(FileManager.default.contents(atPath: original))
            let head = try EventStore(path: original).head().seq
            var random = SeededGenerator(seed: 0xCA12_0017)
            for round in 0..<300 {
                let copy = folder.appendingPathComponent("copy-\(round).sqlite").path
                try pristine.write(to: URL(fileURLWithPath: copy))
                defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
                let seq = Int64.random(in: 1...head, using: &random)
                let column = Self.columns.randomElement(using: &random)!
                do {
                    let raw = try SQLiteConnection(path: copy)
                    try raw.execute("DROP TRIGGER events_refuse_update")
                    var bytes = try #require(try raw.statement("SELECT \(column) FROM events WHERE seq = ?1")
                        .first([.integer(seq)]) { $0.bytes(0) })
                    let offset = Int.random(in: 0..<bytes.count, using: &random)
                    bytes[offset] ^= UInt8.random(in: 1...255, using: &random)
                    try raw.statement("UPDATE events SET \(column) = ?1 WHERE seq = ?2").execute([.blob(bytes), .integer(seq)])
                }
                let report = try EventStore(path: copy).verify()
                let failure = try #require(report.failure, "round \(round): a changed byte of \(column) at \(seq) went unseen")
                #expect(failure.seq == seq, "round \(round): \(column) changed at \(seq), reported at \(failure.seq)")
            }
        }
    }

    @Test func changingTheDatesOrTheOrderOfStoredEventsIsDetected() throws {
        let edits = [
            ("UPDATE events SET effective = effective + 1 WHERE seq = 2", Int64(2)),
            ("UPDATE events SET recorded = recorded - 1 WHERE seq = 3", Int64(3)),
            ("UPDATE events SET seq = -1 WHERE seq = 3; UPDATE events SET seq = 3 WHERE seq = 4; UPDATE events SET seq = 4 WHERE seq = -1", Int64(3)),
        ]
        for (edit, position) in edits {
            try Fixture.withFileStore { store, path in
                try store.recordHistory()
                let raw = try SQLiteConnection(path: path)
                try raw.execute("DROP TRIGGER events_refuse_update")
                try raw.execute(edit)
                #expect(try store.verify().failure?.seq == position, "\(edit)")
            }
        }
    }
}
