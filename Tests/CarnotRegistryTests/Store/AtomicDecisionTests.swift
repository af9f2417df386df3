import Testing
@testable import CarnotRegistry

/// A decision is appended whole or not at all.
struct AtomicDecisionTests {
    @Test func aDecisionWhoseThirdEventBreaksARuleWritesNoneOfItsEvents() throws {
        let store = try Fixture.store()

        let error = #expect(throws: StoreError.self) {
            try store.append([
                Draft.openCall("carnot-1", "Carnot 1", on: "2006-01-01"),
                Draft.registerInstitute("tsn", "Carnot TSN", on: "2006"),
                Draft.grant("tsn", in: "carnot-9", from: "2006-04-01", until: "2011-04-28"),
            ])
        }

        #expect(error?.validation?.index == 2)
        #expect(error?.validation?.field == "payload.call")
        #expect(try store.head() == .empty)
        #expect(try store.events().isEmpty)
    }

    /// The third event passes the rules but its id is taken by the first: the first two rows are already
    /// inserted when the store refuses, so this checks the transaction rolls them back.
    @Test func aDecisionRefusedWhileWritingItsThirdEventLeavesNoRowBehind() throws {
        let store = try Fixture.store()
        var first = Draft.openCall("carnot-1", "Carnot 1", on: "2006-01-01")
        first.id = "decision-2006-01"
        var third = Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28")
        third.id = "decision-2006-01"

        let error = #expect(throws: StoreError.self) {
            try store.append([first, Draft.registerInstitute("tsn", "Carnot TSN", on: "2006"), third])
        }

        #expect(error?.validation?.index == 2)
        #expect(error?.validation?.field == "id")
        #expect(try store.head() == .empty)
        #expect(try store.events().isEmpty)
        #expect(try store.state(at: "2007-01-01").institutes.isEmpty)
        let retried = try store.append([Draft.openCall("carnot-1", "Carnot 1", on: "2006-01-01")])
        #expect(retried.firstSeq == 1)
    }

    @Test func aValidDecisionOfThreeEventsTakesConsecutivePositionsChainedInOrder() throws {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"])

        let result = try store.append([
            Draft.registerInstitute("tsn", "Carnot TSN", on: "2006"),
            Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28"),
            Draft.registerSchool("telecom-bretagne", "Télécom Bretagne", on: "2006"),
        ])

        #expect(result.firstSeq == 2)
        #expect(result.lastSeq == 4)
        #expect(result.replayed == false)
        #expect(try result.head == store.head())
        let events = try store.events()
        #expect(events.map(\.seq) == [1, 2, 3, 4])
        #expect(events.map(\.event.typeName) == ["call.opened", "institute.registered", "label.granted", "school.registered"])
        for (earlier, later) in zip(events, events.dropFirst()) {
            #expect(later.prev == earlier.hash)
        }
    }

    @Test func anEmptyDecisionIsRefused() throws {
        let store = try Fixture.store()

        let error = #expect(throws: StoreError.self) { try store.append([]) }

        #expect(error?.validation?.field == "events")
        #expect(try store.head() == .empty)
    }
}
