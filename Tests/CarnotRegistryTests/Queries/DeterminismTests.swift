import Testing
@testable import CarnotRegistry

/// The same decisions recorded with the same clock and ids give the same log and byte-identical state
/// documents: what makes published snapshots reproducible.
struct DeterminismTests {
    @Test(arguments: ["2006-01-01", "2008-06-01", "2011-04-28", "2016-12-31", "2017-01-01", "2030-01-01"])
    func twoStoresFedTheSameDecisionsGiveByteIdenticalStateDocuments(_ text: String) throws {
        let first = try Fixture.store(FixedEnvironment())
        let second = try Fixture.store(FixedEnvironment())
        let firstHead = try first.recordHistory()
        let secondHead = try second.recordHistory()

        let firstBytes = CanonicalJSON.bytes(StateDocument.json(try first.state(at: text), at: day(text), head: firstHead))
        let secondBytes = CanonicalJSON.bytes(StateDocument.json(try second.state(at: text), at: day(text), head: secondHead))

        #expect(firstHead == secondHead)
        #expect(firstBytes == secondBytes)
    }

    @Test func theStateFromTheMaintainedViewEqualsAFullRefoldOnEveryDay() throws {
        let store = try Fixture.store()
        try store.recordHistory()
        let events = try store.events()

        for text in ["2006-01-01", "2008-06-01", "2011-04-28", "2017-01-01", "2030-01-01"] {
            #expect(try store.state(at: text) == Timeline.state(of: events, at: day(text)))
        }
    }

    @Test func theLogOfTwoStoresFedTheSameDecisionsIsIdenticalLineForLine() throws {
        let first = try Fixture.store(FixedEnvironment())
        let second = try Fixture.store(FixedEnvironment())
        try first.recordHistory()
        try second.recordHistory()

        #expect(try first.events().map(EventSchema.line) == second.events().map(EventSchema.line))
    }
}
