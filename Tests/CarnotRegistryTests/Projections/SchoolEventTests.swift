import Testing
@testable import CarnotRegistry

/// How school events change the state: a literal state before, the event, the literal state after.
struct SchoolEventTests {
    private static let bretagne = SchoolRecord(id: entity("telecom-bretagne"), name: "Télécom Bretagne",
                                               parent: "Institut Mines-Télécom", registered: day("2006-01-01"))

    private static func state(_ schools: SchoolRecord...) -> RegistryState {
        var state = RegistryState()
        for school in schools { state.schools[school.id] = school }
        return state
    }

    private static func bretagne(affiliations: [EntityID: AffiliationRole] = [:], name: String = "Télécom Bretagne",
                                 parent: String? = "Institut Mines-Télécom") -> SchoolRecord {
        var school = bretagne
        school.affiliations = affiliations
        school.name = name
        school.parent = parent
        return school
    }

    @Test func registeringASchoolAddsItActiveWithoutAffiliations() {
        var state = RegistryState()

        state.apply(.schoolRegistered(school: entity("telecom-bretagne"), name: "Télécom Bretagne",
                                      parent: "Institut Mines-Télécom"), on: day("2006-01-01"))

        #expect(state == Self.state(Self.bretagne))
        #expect(state.schools[entity("telecom-bretagne")]?.isActive == true)
    }

    @Test func renamingASchoolChangesItsNameOnly() {
        var state = Self.state(Self.bretagne(affiliations: [entity("tsn"): .member]))

        state.apply(.schoolRenamed(school: entity("telecom-bretagne"), name: "IMT Bretagne"), on: day("2012-01-01"))

        #expect(state == Self.state(Self.bretagne(affiliations: [entity("tsn"): .member], name: "IMT Bretagne")))
    }

    @Test func changingTheParentOfASchoolChangesItsParentOnly() {
        var state = Self.state(Self.bretagne)

        state.apply(.schoolParentChanged(school: entity("telecom-bretagne"), parent: "IMT"), on: day("2012-01-01"))

        #expect(state == Self.state(Self.bretagne(parent: "IMT")))
    }

    @Test(arguments: AffiliationRole.allCases)
    func affiliatingASchoolRecordsTheInstituteAndItsRole(_ role: AffiliationRole) {
        var state = Self.state(Self.bretagne(affiliations: [entity("mines"): .subsidiary]))

        state.apply(.schoolAffiliated(school: entity("telecom-bretagne"), institute: entity("tsn"), role: role),
                    on: day("2006-04-01"))

        #expect(state == Self.state(Self.bretagne(affiliations: [entity("mines"): .subsidiary, entity("tsn"): role])))
        #expect(state.schools(of: entity("tsn")).map(\.role) == [role])
    }

    @Test func disaffiliatingASchoolRemovesThatInstituteOnly() {
        var state = Self.state(Self.bretagne(affiliations: [entity("mines"): .subsidiary, entity("tsn"): .member]))

        state.apply(.schoolDisaffiliated(school: entity("telecom-bretagne"), institute: entity("tsn")), on: day("2014-01-01"))

        #expect(state == Self.state(Self.bretagne(affiliations: [entity("mines"): .subsidiary])))
        #expect(state.schools(of: entity("tsn")).isEmpty)
    }

    @Test func aMergerFormsTheNewSchoolWithEveryAffiliationAndRetiresTheOldOnes() {
        var nantes = SchoolRecord(id: entity("mines-nantes"), name: "Mines Nantes", parent: nil, registered: day("2006-01-01"))
        nantes.affiliations = [entity("mines"): .member, entity("tsn"): .strategicPartner]
        var state = Self.state(Self.bretagne(affiliations: [entity("tsn"): .member]), nantes)

        state.apply(.schoolsMerged(schools: [entity("telecom-bretagne"), entity("mines-nantes")], into: entity("imt-atlantique"),
                                   name: "IMT Atlantique", parent: "IMT"), on: day("2017-01-01"))

        var merged = SchoolRecord(id: entity("imt-atlantique"), name: "IMT Atlantique", parent: "IMT", registered: day("2017-01-01"))
        // tsn is kept in the role held through the first school listed.
        merged.affiliations = [entity("tsn"): .member, entity("mines"): .member]
        merged.mergedFrom = [entity("telecom-bretagne"), entity("mines-nantes")]
        var oldBretagne = Self.bretagne
        oldBretagne.mergedInto = entity("imt-atlantique")
        var oldNantes = nantes
        oldNantes.affiliations = [:]
        oldNantes.mergedInto = entity("imt-atlantique")
        #expect(state == Self.state(oldBretagne, oldNantes, merged))
    }
}
