import Foundation
import Testing
@testable import CarnotRegistry

/// An event this build cannot decode (written by an older or faulty build) never makes a store unusable:
/// answers leave it out and say so, and its retraction can be recorded.
@Suite struct UndecodableEventTests {
    /// Appends, with the chain intact, a rename whose name is longer than the reader's limit, as the faulty
    /// build of the integrity issue did.
    private func appendUndecodable(to store: EventStore) throws -> Int64 {
        let head = try store.head()
        let name = String(repeating: "a", count: 301)
        let body = #"{"confidence":"confirmed","effective":"2026-01-01","id":"faulty-1","payload":{"institute":"mines","name":""#
            + name + #""},"precision":"year","recorded":"2026-02-01T00:00:00.000000Z","recordedBy":"old build","schema":1,"seq":"#
            + "\(head.seq + 1)" + #","source":"t","type":"institute.renamed"}"#
        let hash = EventSchema.hash(prev: head.hash, body: Array(body.utf8))
        try store.connection.statement("""
            INSERT INTO events (seq, id, type, effective, recorded, body, prev, hash) VALUES (?1, 'faulty-1', 'institute.renamed', ?2, ?3, ?4, ?5, ?6)
            """).execute([.integer(head.seq + 1), .integer(Int64(Day(year: 2026, month: 1, day: 1)!.ordinal)),
                          .integer(Timestamp(parsing: "2026-02-01T00:00:00.000000Z")!.microseconds),
                          .text(body), .text(head.hash), .text(hash)])
        return head.seq + 1
    }

    @Test func answersLeaveItOutSayingSoAndItsRetractionCanBeRecorded() throws {
        try Fixture.withFileStore { writer, path in
            for draft in RuleFixture.decisions { try writer.append([draft]) }
            let faulty = try appendUndecodable(to: writer)
            let store = try EventStore(path: path, access: .write, environment: FixedEnvironment(start: Timestamp(parsing: "2026-03-01T00:00:00Z")!, writer: 1))
            var warnings: [String] = []
            store.warn = { warnings.append($0) }
            let state = try store.state(at: Day(year: 2026, month: 6, day: 1)!)
            #expect(state.institutes[EntityID("mines")!]?.name == "Carnot M.I.N.E.S")
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("event \(faulty) does not decode") == true)
            #expect(warnings.first?.contains("carnot retract \(faulty)") == true)
            // verify names it (the readers refuse it) until it is settled.
            #expect(try store.verify().failure?.seq == faulty)
            try store.append([Draft.retract(faulty, reason: "written by a faulty build", on: "2026")])
            let reader = try EventStore(path: path, access: .read)
            var later: [String] = []
            reader.warn = { later.append($0) }
            _ = try reader.state(at: Day(year: 2026, month: 6, day: 1)!)
            #expect(later.isEmpty)
        }
    }

    @Test func theFullReplayLeavesItOutAsTheFoldDoes() throws {
        try Fixture.withFileStore { writer, path in
            for draft in RuleFixture.decisions { try writer.append([draft]) }
            let faulty = try appendUndecodable(to: writer)
            let store = try EventStore(path: path, access: .read)
            var warnings: [String] = []
            store.warn = { warnings.append($0) }
            let replayed = try store.replay()
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("event \(faulty) does not decode") == true)
            #expect(store.undecodable[faulty] != nil)
            let live = try store.liveState()
            #expect(replayed == (try store.fold(RegistryState(), after: nil, upto: live.head.seq, corrections: live.corrections).state))
            #expect(warnings.count == 1, "one warning per event and process")
        }
    }
}
