import Testing
@testable import CarnotRegistry

/// A term is the half-open interval [from, until): the label runs out on `until` without any event.
struct LabelExpiryTests {
    private static func grantedStore() throws -> EventStore {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"], institutes: ["tsn"])
        try store.record(Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28"))
        return store
    }

    @Test(arguments: [("2006-03-31", false), ("2006-04-01", true), ("2011-04-27", true), ("2011-04-28", false)])
    func theLabelIsHeldUpToTheDayBeforeUntil(_ text: String, _ held: Bool) throws {
        let store = try Self.grantedStore()

        let state = try store.state(at: text)

        let label = state.institutes[entity("tsn")]?.label(on: day(text))
        #expect((label != nil) == held)
    }

    @Test func theStateDocumentShowsTheLabelOnTheEveOfUntilAndNoneOnUntil() throws {
        let store = try Self.grantedStore()
        let head = try store.head()

        let eve = StateDocument.json(try store.state(at: "2011-04-27"), at: day("2011-04-27"), head: head)
        let end = StateDocument.json(try store.state(at: "2011-04-28"), at: day("2011-04-28"), head: head)

        guard case .array(let eveInstitutes)? = eve["institutes"], case .array(let endInstitutes)? = end["institutes"] else {
            Issue.record("the documents have no list of institutes")
            return
        }
        #expect(eveInstitutes.first?["label"]?["until"] == .string("2011-04-28"))
        #expect(endInstitutes.first?["label"] == .null)
    }
}
