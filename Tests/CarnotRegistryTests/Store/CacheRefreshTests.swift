import Testing
@testable import CarnotRegistry

/// An open store keeps the state of the log in memory and refreshes it from the file before each operation, since
/// other processes append: its answers must always be those of the file as it is now.
struct CacheRefreshTests {
    private static let otherWriter = FixedEnvironment(start: Timestamp(startOf: day("2026-03-01")), writer: 1)

    private static func registrations(_ count: Int) -> [EventDraft] {
        (1...count).map { Draft.registerInstitute("late-\($0)", "Carnot Late \($0)", on: "2018") }
    }

    @Test func eventsAppendedByAnotherConnectionAreSeenByTheNextQuery() throws {
        try Fixture.withFileStore { first, path in
            try first.recordHistory()
            _ = try first.state(at: "2018-01-01")
            let second = try EventStore(path: path, environment: Self.otherWriter)

            try second.append(Self.registrations(2))

            #expect(try first.state(at: "2018-01-01") == second.state(at: "2018-01-01"))
            #expect(try first.currentState() == Timeline.state(of: first.events(), at: .latest))
        }
    }

    @Test func aFileCutShorterBehindAnOpenStoreIsReadAfresh() throws {
        try Fixture.withFileStore { first, path in
            try first.recordHistory()
            _ = try first.currentState()
            let raw = try SQLiteConnection(path: path)
            try raw.execute("DROP TRIGGER events_refuse_delete; DELETE FROM events WHERE seq > 3")

            #expect(try first.currentState() == Timeline.state(of: first.events(), at: .latest))
            #expect(try first.state(at: "2018-01-01").schools.isEmpty)
        }
    }

    /// Reachable only by someone who drops the triggers, but then the open store must not splice the
    /// events it read earlier onto the rewritten log: the view must be the file's, as `verify` sees it.
    @Test func aFileRewrittenLongerBehindAnOpenStoreIsReadAfreshNotSpliced() throws {
        try Fixture.withFileStore { first, path in
            let count = Int64(History.eventCount)
            try first.recordHistory()
            _ = try first.currentState()
            let raw = try SQLiteConnection(path: path)
            try raw.execute("DROP TRIGGER events_refuse_delete; DELETE FROM events WHERE seq > \(count - 3)")
            let second = try EventStore(path: path, environment: Self.otherWriter)
            for draft in Self.registrations(5) { try second.append([draft]) }
            #expect(try second.verify(chainOnly: true).isValid)
            // The full verify also sees what was done behind the store's back: an append-only trigger is gone.
            #expect(try second.verify().failure?.reason.contains("trigger") == true)

            #expect(try first.currentState() == Timeline.state(of: first.events(), at: .latest))
            #expect(try first.state(at: "2018-01-01") == second.state(at: "2018-01-01"))
        }
    }
}
