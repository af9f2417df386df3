import Foundation
import Testing
@testable import CarnotRegistry

/// The cases of issue 14: edits that changed answers while `verify` passed. Each is now caught, or (for
/// damaged checkpoints) no longer changes any answer.
struct VerifyEverythingTests {
    /// A store with the history and checkpoints every two positions, so that every table holds rows.
    static func withHistoryStore<T>(_ body: (EventStore, String) throws -> T) throws -> T {
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            let store = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: 2)
            try store.recordHistory()
            try store.append([Draft.retract(11, on: "2008-06")], idempotencyKey: "retract-11")
            try store.append([Draft.correct(8, with: Draft.affiliate("telecom-bretagne", to: "tsn", on: "2006-05-01"), on: "2006-05-01")])
            try store.append([Draft.renameInstitute("tsn", to: "Carnot TSN", on: "2012-01-01")], idempotencyKey: "rename")
            return try body(store, path)
        }
    }

    @Test func anUntouchedStoreVerifiesInFull() throws {
        try Self.withHistoryStore { store, _ in
            let report = try store.verify()
            #expect(report.isValid, "\(String(describing: report.failure))")
            #expect(try store.verify(chainOnly: true).isValid)
            #expect(try store.connection.integer("SELECT count(*) FROM checkpoints") > 3)
        }
    }

    @Test func oneCharacterOfTheIDColumnChangedIsFoundAtItsPosition() throws {
        try Self.withHistoryStore { store, path in
            let raw = try SQLiteConnection(path: path)
            try raw.execute("DROP TRIGGER events_refuse_update")
            try raw.execute("UPDATE events SET id = 'f' || substr(id, 2) WHERE seq = 4")
            #expect(try store.verify(chainOnly: true).failure?.seq == 4)
            #expect(try store.verify().failure != nil)
        }
    }

    @Test func aChainedRetractionWithoutItsCorrectionRowIsFound() throws {
        try Self.withHistoryStore { store, path in
            let head = try Answers.rawAppend(.eventRetracted(target: 3, reason: "forged"), effective: "2006", to: path)
            let chainOnly = try store.verify(expectedHead: head, chainOnly: true)
            #expect(chainOnly.isValid, "the chain alone cannot see it")
            let failure = try #require(try store.verify(expectedHead: head).failure)
            #expect(failure.seq == head.seq || failure.reason.contains("Merkle") || failure.reason.contains("corrections"))
        }
    }

    @Test func aChainedGrantToAnInstituteThatDoesNotExistIsRefusedAsImportWould() throws {
        try Self.withHistoryStore { store, path in
            let head = try Answers.rawAppend(.labelGranted(institute: entity("nowhere"), kind: .carnot, call: entity("carnot-1"),
                                                           from: day("2012-01-01"), until: day("2016-01-01"), probation: false),
                                             effective: "2012-01-01", to: path)
            let failure = try #require(try store.verify().failure)
            #expect(failure.seq == head.seq)
            #expect(failure.reason.contains("rules"))
        }
    }

    /// The rules replay imports on a thread of its own: a grant the rules refuse, followed by a break of the
    /// chain, is named first, as the first failure in log order, however the two threads ran.
    @Test func theFirstFailureInLogOrderIsNamedWhenTheRulesAndTheChainBothFail() throws {
        try Self.withHistoryStore { store, path in
            let refused = try Answers.rawAppend(.labelGranted(institute: entity("nowhere"), kind: .carnot, call: entity("carnot-1"),
                                                              from: day("2012-01-01"), until: day("2016-01-01"), probation: false),
                                                effective: "2012-01-01", to: path)
            let next = try Answers.rawAppend(.instituteRenamed(institute: entity("tsn"), name: "Carnot TSN 2"), effective: "2013-01-01", to: path)
            let raw = try SQLiteConnection(path: path)
            try raw.execute("DROP TRIGGER events_refuse_update")
            try raw.execute("UPDATE events SET prev = '\(String(repeating: "0", count: 64))' WHERE seq = \(next.seq)")

            let failure = try #require(try store.verify().failure)
            #expect(failure.seq == refused.seq, "\(failure)")
            #expect(failure.reason.contains("rules"))
            #expect(try store.verify(chainOnly: true).failure?.seq == next.seq)
        }
    }

    @Test func singleBitFlipsInAStoredCheckpointNeverChangeAnAnswerAndVerifyReportsThem() throws {
        try Self.withHistoryStore { _, path in
            let pristineAnswers = Answers.of(try EventStore(path: path, readOnly: true))
            let pristine = try Answers.fileBytes(path)
            let columns = ["state", "checksum", "position_hash", "stale_seal", "day", "position", "stale_from"]
            var random = SeededGenerator(seed: 0x14_0060)
            var reported = 0
            for round in 0..<60 {
                let copy = path + "-copy-\(round)"
                try pristine.write(to: URL(fileURLWithPath: copy))
                defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
                let raw = try SQLiteConnection(path: copy)
                let rows = try raw.integer("SELECT count(*) FROM checkpoints")
                let row = Int64.random(in: 0..<rows, using: &random)
                let column = columns.randomElement(using: &random)!
                let rowid = try raw.statement("SELECT rowid FROM checkpoints LIMIT 1 OFFSET ?1").first([.integer(row)]) { $0.integer(0) }!
                if ["day", "position", "stale_from"].contains(column) {
                    let bit = Int64(1) << Int64.random(in: 0..<20, using: &random)
                    do {
                        // SQLite has no XOR operator: (a | b) - (a & b).
                        try raw.statement("UPDATE checkpoints SET \(column) = (COALESCE(\(column), 0) | ?1) - (COALESCE(\(column), 0) & ?1) WHERE rowid = ?2")
                            .execute([.integer(bit), .integer(rowid)])
                    } catch { continue }  // the flip collides with another checkpoint's key: not an edit
                } else {
                    // The state is kept apart from its row, under the same day and position.
                    let table = column == "state" ? "checkpoint_states" : "checkpoints"
                    let key = try raw.statement("SELECT day, position FROM checkpoints WHERE rowid = ?1")
                        .first([.integer(rowid)]) { [SQLiteValue.integer($0.integer(0)), .integer($0.integer(1))] }!
                    var bytes = try raw.statement("SELECT \(column) FROM \(table) WHERE day = ?1 AND position = ?2").first(key) { $0.bytes(0) }!
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= 1 << UInt8.random(in: 0..<8, using: &random)
                    let value: SQLiteValue = column == "position_hash" ? .text(String(decoding: bytes, as: UTF8.self)) : .blob(bytes)
                    try raw.statement("UPDATE \(table) SET \(column) = ?1 WHERE day = ?2 AND position = ?3").execute([value] + key)
                }
                let store = try EventStore(path: copy, readOnly: true)
                #expect(Answers.of(store) == pristineAnswers, "round \(round): a flip of \(column) changed an answer")
                if try store.verify().failure != nil { reported += 1 }
            }
            #expect(reported >= 50, "verify reported \(reported) of 60 flips")
        }
    }

    @Test func byteFlipsInTheEffectiveDayIndexThatChangeAnswersAreReported() throws {
        try Self.withHistoryStore { _, path in
            let pristineAnswers = Answers.of(try EventStore(path: path, readOnly: true))
            let (page, pageSize) = try {
                let raw = try SQLiteConnection(path: path)
                try raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                return (try raw.integer("SELECT rootpage FROM sqlite_master WHERE name = 'events_effective'"), try raw.integer("PRAGMA page_size"))
            }()
            let pristine = try Answers.fileBytes(path)
            var random = SeededGenerator(seed: 0x14_0030)
            var changed = 0
            for round in 0..<30 {
                let copy = path + "-copy-\(round)"
                var bytes = [UInt8](pristine)
                // The cells sit at the end of the page; flip a byte among them.
                let offset = Int((page - 1) * pageSize + Int64.random(in: pageSize / 2..<pageSize, using: &random))
                bytes[offset] ^= UInt8.random(in: 1...255, using: &random)
                try Data(bytes).write(to: URL(fileURLWithPath: copy))
                defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
                guard let store = try? EventStore(path: copy, readOnly: true) else { continue }
                if Answers.of(store) != pristineAnswers {
                    changed += 1
                    #expect((try? store.verify())?.failure != nil, "round \(round): the answers changed and verify passed")
                }
            }
            #expect(changed > 0, "no flip changed an answer: the test flips the wrong page")
        }
    }

    @Test func aRowEditedAndTheTailRechainedIsFoundWithoutAPublishedHead() throws {
        try Self.withHistoryStore { store, path in
            let raw = try SQLiteConnection(path: path)
            try raw.execute("DROP TRIGGER events_refuse_update")
            var rows: [(Int64, String)] = []
            try raw.statement("SELECT seq, body FROM events WHERE seq >= 6 ORDER BY seq").query { row in
                rows.append((row.integer(0), row.text(1)))
                return true
            }
            var prev = try raw.statement("SELECT hash FROM events WHERE seq = 5").first { $0.text(0) }!
            for (seq, body) in rows {
                let edited = seq == 6 ? body.replacingOccurrences(of: "\"source\":\"", with: "\"source\":\"x") : body
                let hash = EventSchema.hash(prev: prev, body: Array(edited.utf8))
                try raw.statement("UPDATE events SET body = ?1, prev = ?2, hash = ?3 WHERE seq = ?4")
                    .execute([.text(edited), .text(prev), .text(hash), .integer(seq)])
                prev = hash
            }
            #expect(try store.verify(chainOnly: true).isValid, "the chain alone was re-made whole")
            #expect(try store.verify().failure != nil)
        }
    }

    @Test func damagedCheckpointsAreSkippedAndWritesAfterThemAnswerAsAFreshImport() throws {
        try Self.withHistoryStore { store, path in
            let before = Answers.of(store)
            let raw = try SQLiteConnection(path: path)
            try raw.execute("UPDATE checkpoint_states SET state = zeroblob(length(state))")
            let reopened = try EventStore(path: path, environment: FixedEnvironment(start: Timestamp(startOf: day("2026-02-01")), writer: 1), checkpointInterval: 2)
            #expect(Answers.of(reopened) == before)
            #expect(try reopened.verify().failure?.reason.contains("damaged") == true)
            try reopened.append([Draft.renameInstitute("mines", to: "Carnot MINES", on: "2013-01-01")])
            try reopened.append([Draft.renameInstitute("mines", to: "Carnot Mines 2010", on: "2010-01-01")])
            try reopened.append([Draft.renameInstitute("mines", to: "Carnot Mines 2015", on: "2015-01-01")])
            // The importing clock is after every record time of the log (import refuses record times to come).
            let fresh = try Fixture.store(FixedEnvironment(start: Timestamp(startOf: day("2026-03-01"))))
            _ = try fresh.importLog(try reopened.events().map { try LogFile.entry(EventSchema.line(of: $0), file: "export", line: Int($0.seq)) })
            #expect(Answers.of(reopened) == Answers.of(fresh))
        }
    }

    /// Layout 7 keeps each checkpoint's state in `checkpoint_states`, apart from its row: deleting either
    /// half leaves the other, and `verify` names the checkpoint left behind.
    @Test func aCheckpointRowWithoutItsStateOrAStateWithoutItsRowIsNamed() throws {
        try Self.withHistoryStore { _, path in
            let pristine = try Answers.fileBytes(path)
            let last = "(SELECT day, position FROM checkpoints ORDER BY position DESC, day LIMIT 1)"
            for (table, expected) in [("checkpoint_states", "the checkpoint of"), ("checkpoints", "has no checkpoint row")] {
                let copy = path + "-\(table)"
                try pristine.write(to: URL(fileURLWithPath: copy))
                defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
                let raw = try SQLiteConnection(path: copy)
                let count = try raw.integer("SELECT count(*) FROM \(table)")
                try raw.execute("DELETE FROM \(table) WHERE (day, position) = \(last)")
                #expect(try raw.integer("SELECT count(*) FROM \(table)") == count - 1)
                let failure = try EventStore(path: copy, readOnly: true).verify().failure
                #expect(failure?.reason.contains(expected) == true, "\(table): \(String(describing: failure))")
            }
        }
    }
}
