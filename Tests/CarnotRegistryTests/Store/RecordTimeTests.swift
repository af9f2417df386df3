import Testing
@testable import CarnotRegistry

/// Record time comes from the environment's clock, and never goes back along the log.
struct RecordTimeTests {
    @Test func eachEventIsRecordedAtTheClocksReadingAndGivenAnIdWhenTheDecisionHasNone() throws {
        let environment = FixedEnvironment()
        let store = try Fixture.store(environment)

        try store.seed(calls: ["carnot-1"], institutes: ["tsn", "mines"])

        let events = try store.events()
        #expect(events.map(\.recorded) == (1...3).map(environment.recordTime))
        #expect(events.map(\.id) == ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
                                     "00000000-0000-4000-8000-000000000003"])
    }

    @Test func aClockThatStepsBackNeverMakesRecordTimeDecrease() throws {
        let environment = FixedEnvironment(stepMicroseconds: -1_000_000)
        let store = try Fixture.store(environment)

        try store.seed(calls: ["carnot-1"], institutes: ["tsn", "mines"])

        let recorded = try store.events().map(\.recorded)
        #expect(recorded == Array(repeating: environment.start, count: 3))
        #expect(try store.verify().isValid)
    }

    @Test func anIdGivenByTheDecisionIsKeptAndAnIdAlreadyInTheLogIsRefused() throws {
        let store = try Fixture.store()
        var opening = Draft.openCall("carnot-1", "Carnot 1", on: "2006-01-01")
        opening.id = "jorf-2006-03-15"
        try store.append([opening])
        var registration = Draft.registerInstitute("tsn", "Carnot TSN", on: "2006")
        registration.id = "jorf-2006-03-15"

        let error = #expect(throws: StoreError.self) { try store.append([registration]) }

        #expect(try store.events().map(\.id) == ["jorf-2006-03-15"])
        #expect(error?.validation?.field == "id")
    }
}
