import Testing
@testable import CarnotRegistry

/// `verify()` recomputes the hash chain from the stored rows: with the triggers dropped by someone with
/// write access to the file, any edit still shows, at the position where it was made.
struct ChainVerificationTests {
    /// Runs `edit` on the file of a store holding `History`, through a raw connection, then `body`.
    private static func tampered(_ edit: String, _ body: (EventStore, LogHead) throws -> Void) throws {
        try Fixture.withFileStore { store, path in
            let published = try store.recordHistory()
            let raw = try SQLiteConnection(path: path)
            try raw.execute("DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete;")
            try raw.execute(edit)
            try body(store, published)
        }
    }

    @Test func anEmptyLogAndAFreshlyWrittenLogVerify() throws {
        let store = try Fixture.store()
        #expect(try store.verify() == VerificationReport(verifiedHead: .empty, failure: nil))

        let head = try store.recordHistory()

        let report = try store.verify(expectedHead: head)
        #expect(report.isValid)
        #expect(report.verifiedHead == head)
    }

    @Test func oneCharacterChangedInABodyIsReportedAtThatPosition() throws {
        try Self.tampered("UPDATE events SET body = replace(body, 'Carnot M.I.N.E.S', 'Carnot M.I.N.E.Z') WHERE seq = 3") { store, _ in
            let report = try store.verify()

            #expect(report.failure?.seq == 3)
            #expect(report.verifiedHead.seq == 2)
        }
    }

    @Test func swappedEffectiveColumnsAreReportedAtTheFirstPositionTouched() throws {
        try Self.tampered("""
            UPDATE events SET effective = CASE seq
                WHEN 2 THEN (SELECT effective FROM events WHERE seq = 4)
                WHEN 4 THEN (SELECT effective FROM events WHERE seq = 2) END
            WHERE seq IN (2, 4)
            """) { store, _ in
            let report = try store.verify()

            #expect(report.failure?.seq == 2)
            #expect(report.failure?.reason.contains("indexed columns") == true)
        }
    }

    @Test func aRowDeletedFromTheMiddleIsReportedAsTheMissingPosition() throws {
        try Self.tampered("DELETE FROM events WHERE seq = 5") { store, _ in
            let report = try store.verify()

            #expect(report.failure?.seq == 5)
            #expect(report.failure?.reason.contains("missing") == true)
            #expect(report.verifiedHead.seq == 4)
        }
    }

    @Test func aTruncatedTailIsCaughtAgainstThePublishedHead() throws {
        let count = Int64(History.eventCount)
        try Self.tampered("DELETE FROM events WHERE seq > \(count - 2)") { store, published in
            let report = try store.verify(expectedHead: published)

            #expect(report.isValid == false)
            #expect(report.failure?.seq == count - 1)
            #expect(report.verifiedHead.seq == count - 2)
        }
    }

    @Test func aLogThatNoLongerHoldsThePublishedHashIsCaught() throws {
        let store = try Fixture.store()
        let head = try store.recordHistory()
        let third = try #require(try store.events(from: 3, through: 3).first)
        let rewritten = LogHead(seq: 3, hash: String(third.hash.reversed()))

        let report = try store.verify(expectedHead: rewritten)

        #expect(report.failure?.seq == 3)
        #expect(try store.verify(expectedHead: head).isValid)
    }
}
