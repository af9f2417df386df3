import Testing
@testable import CarnotRegistry

/// A single-seat office takes a new holder once the previous one has left; other offices take several.
struct OfficeSeatTests {
    @Test func aNewPresidentCanBeAppointedOnceThePreviousOneHasLeft() throws {
        let store = try RuleFixture.store()

        try store.append([
            Draft.leave("alice", .president, on: "2012-06-30"),
            Draft.appoint("carol", as: .president, on: "2012-07-01"),
        ])

        let state = try store.state(at: "2012-07-01")
        #expect(state.holders(of: .president).map(\.person) == [entity("carol")])
        #expect(try store.state(at: "2012-06-29").holders(of: .president).map(\.person) == [entity("alice")])
    }

    @Test func aNewPresidentIsRefusedUntilTheDayThePreviousOneLeaves() throws {
        let store = try RuleFixture.store()
        try store.record(Draft.leave("alice", .president, on: "2012-06-30"))

        let error = #expect(throws: StoreError.self) { try store.append([Draft.appoint("carol", as: .president, on: "2012-06-29")]) }

        #expect(error?.validation?.field == "payload.office")
    }

    @Test(arguments: [Office.vicePresident, .viceTreasurer, .viceSecretary, .boardMember, .bureauMember])
    func anOfficeThatIsNotSingleSeatTakesASecondHolder(_ office: Office) throws {
        let store = try RuleFixture.store()

        try store.append([
            Draft.appoint("alice", as: office, on: "2012-01-01"),
            Draft.appoint("carol", as: office, on: "2012-01-01"),
        ])

        let holders = try store.state(at: "2012-01-01").holders(of: office).map(\.person)
        #expect(Set(holders).isSuperset(of: [entity("alice"), entity("carol")]))
    }

    @Test(arguments: [Office.president, .treasurer, .secretary, .directorGeneral])
    func aSingleSeatOfficeRefusesASecondHolder(_ office: Office) throws {
        let store = try RuleFixture.store()
        if office != .president { try store.record(Draft.appoint("alice", as: office, on: "2012-01-01")) }
        let head = try store.head()

        let error = #expect(throws: StoreError.self) { try store.append([Draft.appoint("carol", as: office, on: "2012-02-01")]) }

        #expect(error?.validation?.field == "payload.office")
        #expect(try store.head() == head)
    }
}
