import Testing
@testable import CarnotRegistry

/// How people, offices of the association and consortia change the state.
struct AssociationEventTests {
    private static func holding(_ person: String, _ office: Office, since text: String,
                                precision: DatePrecision = .day, representing: String? = nil) -> OfficeHolding {
        OfficeHolding(office: office, person: entity(person), representing: representing.map(entity), since: day(text),
                      sincePrecision: precision)
    }

    @Test func registeringAPersonAddsTheirNameAndOtherNames() {
        var state = RegistryState()

        state.apply(.personRegistered(person: entity("alice"), name: "Alice Martin", alsoKnownAs: ["A. Martin"]),
                    on: day("2008-01-01"))

        var expected = RegistryState()
        expected.people[entity("alice")] = PersonRecord(id: entity("alice"), name: "Alice Martin", alsoKnownAs: ["A. Martin"])
        #expect(state == expected)
    }

    @Test func anAppointmentAddsAHoldingSinceTheEffectiveDayToItsPrecision() {
        var state = RegistryState()
        state.offices = [Self.holding("bob", .vicePresident, since: "2007-01-01")]

        state.apply(.officeHolderAppointed(person: entity("alice"), office: .president, representing: entity("tsn")),
                    on: day("2008-06-01"), precision: .month)

        // Grouped by office: the president's holding comes before the vice-president's appointed earlier.
        #expect(state.offices == [
            Self.holding("alice", .president, since: "2008-06-01", precision: .month, representing: "tsn"),
            Self.holding("bob", .vicePresident, since: "2007-01-01"),
        ])
        #expect(state.holders(of: .president).map(\.person) == [entity("alice")])
    }

    @Test func holdingsAreGroupedByOfficeAndInTheOrderOfAppointmentWithinOne() {
        var state = RegistryState()
        let appointments: [(String, Office)] = [("zoe", .boardMember), ("bob", .vicePresident), ("alice", .boardMember),
                                                ("carol", .president), ("dan", .vicePresident)]
        for (index, (person, office)) in appointments.enumerated() {
            state.apply(.officeHolderAppointed(person: entity(person), office: office, representing: nil),
                        on: Day(ordinal: 14_000 + Int32(index)))
        }

        #expect(state.offices.map { "\($0.office.rawValue):\($0.person)" } == [
            "president:carol", "vice-president:bob", "vice-president:dan", "board-member:zoe", "board-member:alice",
        ])
    }

    @Test func officeRanksFollowAllCases() {
        // The groups of `offices` follow `Office.allCases`; the rank that orders them is a hand-written switch.
        #expect(Office.allCases.map(\.rank) == Array(Office.allCases.indices))
    }

    @Test func oneSeatsHoldingsFoldedAloneGoBackInTheirPlace() {
        var whole = RegistryState()
        var seatOnly = RegistryState()
        let appointments: [(String, Office)] = [("zoe", .boardMember), ("bob", .vicePresident), ("carol", .president),
                                                ("dan", .vicePresident), ("erin", .treasurer)]
        for (index, (person, office)) in appointments.enumerated() {
            let event = Event.officeHolderAppointed(person: entity(person), office: office, representing: nil)
            whole.apply(event, on: Day(ordinal: 14_000 + Int32(index)))
            if office == .vicePresident { seatOnly.apply(event, on: Day(ordinal: 14_000 + Int32(index))) }
        }
        var stale = whole
        stale.apply(.officeHolderLeft(person: entity("bob"), office: .vicePresident), on: Day(ordinal: 14_010))
        stale.apply(.officeHolderLeft(person: entity("dan"), office: .vicePresident), on: Day(ordinal: 14_010))
        #expect(stale != whole)

        stale.take(Event.officeKey(.vicePresident), from: seatOnly)

        #expect(stale == whole)
    }

    @Test func leavingAnOfficeRemovesThatPersonsHoldingOfThatOfficeOnly() {
        var state = RegistryState()
        state.offices = [
            Self.holding("alice", .president, since: "2008-06-01"),
            Self.holding("alice", .boardMember, since: "2007-01-01"),
            Self.holding("bob", .president, since: "2001-01-01"),
        ]

        state.apply(.officeHolderLeft(person: entity("alice"), office: .president), on: day("2012-06-01"))

        #expect(state.offices == [
            Self.holding("alice", .boardMember, since: "2007-01-01"),
            Self.holding("bob", .president, since: "2001-01-01"),
        ])
    }

    @Test func formingAConsortiumAddsItWithoutMembers() {
        var state = RegistryState()

        state.apply(.consortiumFormed(consortium: entity("global-care"), name: "GLOBAL CARE"), on: day("2016-01-01"))

        #expect(state.consortia == [entity("global-care"): ConsortiumRecord(id: entity("global-care"), name: "GLOBAL CARE",
                                                                            formed: day("2016-01-01"))])
    }

    @Test(arguments: ConsortiumRole.allCases)
    func joiningAConsortiumRecordsTheInstituteInItsRole(_ role: ConsortiumRole) {
        var state = RegistryState()
        state.consortia[entity("global-care")] = ConsortiumRecord(id: entity("global-care"), name: "GLOBAL CARE",
                                                                  formed: day("2016-01-01"))

        state.apply(.consortiumJoined(consortium: entity("global-care"), institute: entity("mines"), role: role),
                    on: day("2016-02-01"))

        #expect(state.consortia[entity("global-care")]?.members == [entity("mines"): role])
        #expect(state.consortia(of: entity("mines")).map(\.id) == [entity("global-care")])
    }

    @Test func leavingAConsortiumRemovesThatInstituteOnly() {
        var consortium = ConsortiumRecord(id: entity("global-care"), name: "GLOBAL CARE", formed: day("2016-01-01"))
        consortium.members = [entity("mines"): .coordinator, entity("tsn"): .member]
        var state = RegistryState()
        state.consortia[consortium.id] = consortium

        state.apply(.consortiumLeft(consortium: entity("global-care"), institute: entity("tsn")), on: day("2019-01-01"))

        #expect(state.consortia[entity("global-care")]?.members == [entity("mines"): .coordinator])
        #expect(state.consortia(of: entity("tsn")).isEmpty)
    }
}
