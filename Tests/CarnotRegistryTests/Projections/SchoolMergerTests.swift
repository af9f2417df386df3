import Testing
@testable import CarnotRegistry

/// Télécom Bretagne (supporting tsn) and Mines Nantes (supporting mines) became IMT Atlantique on
/// 2017-01-01: the new school carries both affiliations from that day, the old ones keep theirs until the eve.
struct SchoolMergerTests {
    private static func mergedStore() throws -> EventStore {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"], institutes: ["tsn", "mines"])
        try store.append([
            Draft.registerSchool("telecom-bretagne", "Télécom Bretagne", parent: "Institut Mines-Télécom", on: "2006"),
            Draft.registerSchool("mines-nantes", "École des Mines de Nantes", parent: "Institut Mines-Télécom", on: "2006"),
            Draft.affiliate("telecom-bretagne", to: "tsn", on: "2006-04-01"),
            Draft.affiliate("mines-nantes", to: "mines", as: .subsidiary, on: "2006-04-01"),
        ])
        try store.record(Draft.merge(["telecom-bretagne", "mines-nantes"], into: "imt-atlantique", "IMT Atlantique",
                                     parent: "Institut Mines-Télécom", on: "2017-01-01"))
        return store
    }

    @Test func onTheMergerDayTheNewSchoolIsAffiliatedToBothInstitutes() throws {
        let state = try Self.mergedStore().state(at: "2017-01-01")

        let merged = try #require(state.schools[entity("imt-atlantique")])
        #expect(merged.affiliations == [entity("tsn"): .member, entity("mines"): .subsidiary])
        #expect(merged.mergedFrom == [entity("telecom-bretagne"), entity("mines-nantes")])
        #expect(merged.isActive)
        #expect(state.schools(of: entity("tsn")).map(\.school.id) == [entity("imt-atlantique")])
        #expect(state.schools(of: entity("mines")).map(\.school.id) == [entity("imt-atlantique")])
    }

    @Test(arguments: ["telecom-bretagne", "mines-nantes"])
    func onTheMergerDayTheOldSchoolsAreInactiveWithoutAffiliations(_ school: String) throws {
        let state = try Self.mergedStore().state(at: "2017-01-01")

        let old = try #require(state.schools[entity(school)])
        #expect(old.mergedInto == entity("imt-atlantique"))
        #expect(old.isActive == false)
        #expect(old.affiliations.isEmpty)
    }

    @Test func theStateDocumentListsOnlyTheNewSchoolFromTheMergerDay() throws {
        let store = try Self.mergedStore()
        let state = try store.state(at: "2017-01-01")

        let document = StateDocument.json(state, at: day("2017-01-01"), head: try store.head())

        guard case .array(let schools)? = document["schools"] else {
            Issue.record("the document has no list of schools")
            return
        }
        #expect(schools.map { $0["id"] } == [.string("imt-atlantique")])
    }

    @Test func onTheEveOfTheMergerTheOldSchoolsStillHoldTheirAffiliations() throws {
        let state = try Self.mergedStore().state(at: "2016-12-31")

        #expect(state.schools[entity("imt-atlantique")] == nil)
        #expect(state.schools[entity("telecom-bretagne")]?.affiliations == [entity("tsn"): .member])
        #expect(state.schools[entity("mines-nantes")]?.affiliations == [entity("mines"): .subsidiary])
        #expect(state.schools[entity("telecom-bretagne")]?.isActive == true)
        #expect(state.schools[entity("mines-nantes")]?.isActive == true)
    }
}
