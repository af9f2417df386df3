import Testing
@testable import CarnotRegistry

/// How institute and call events change the state: a literal state before, the event, the literal state after.
struct InstituteEventTests {
    private static let tsn = InstituteRecord(id: entity("tsn"), name: "Carnot TSN", homeInstitutions: ["Institut Mines-Télécom"],
                                             registered: day("2006-01-01"))

    private static func state(_ institutes: InstituteRecord...) -> RegistryState {
        var state = RegistryState()
        for institute in institutes { state.institutes[institute.id] = institute }
        return state
    }

    @Test func registeringAnInstituteAddsItsNameHomeInstitutionsAndDay() {
        var state = RegistryState()

        state.apply(.instituteRegistered(institute: entity("tsn"), name: "Carnot TSN",
                                         homeInstitutions: ["Institut Mines-Télécom"]), on: day("2006-01-01"), precision: .year)

        #expect(state == Self.state(Self.tsn))
    }

    @Test func renamingAnInstituteChangesItsNameOnly() {
        var state = Self.state(Self.tsn)

        state.apply(.instituteRenamed(institute: entity("tsn"), name: "Carnot Télécom & Société numérique"), on: day("2011-04-28"))

        var renamed = Self.tsn
        renamed.name = "Carnot Télécom & Société numérique"
        #expect(state == Self.state(renamed))
    }

    @Test func appointingADirectorReplacesThePreviousOne() {
        var before = Self.tsn
        before.director = entity("alice")
        var state = Self.state(before)

        state.apply(.directorAppointed(institute: entity("tsn"), person: entity("bob")), on: day("2015-09-01"))

        var after = Self.tsn
        after.director = entity("bob")
        #expect(state == Self.state(after))
    }

    @Test func openingACallAddsItWithTheDayItOpensAndClosesAndNoResults() {
        var state = RegistryState()

        state.apply(.callOpened(call: entity("carnot-2"), name: "Carnot 2", closes: day("2010-12-31")), on: day("2010-06-01"))

        #expect(state.calls == [entity("carnot-2"): CallRecord(id: entity("carnot-2"), name: "Carnot 2", opened: day("2010-06-01"),
                                                               closes: day("2010-12-31"))])
    }

    @Test func announcingResultsRecordsTheCountsAndTheDay() {
        var state = RegistryState()
        let call = CallRecord(id: entity("carnot-2"), name: "Carnot 2", opened: day("2010-06-01"), closes: nil)
        state.calls[call.id] = call
        let counts = CallCounts(labelled: 34, renewed: 25, new: 9, notRenewed: 4)

        state.apply(.callResultsAnnounced(call: entity("carnot-2"), counts: counts), on: day("2011-04-28"))

        var announced = call
        announced.results = counts
        announced.announced = PartialDate(day: day("2011-04-28"), precision: .day)
        #expect(state.calls == [call.id: announced])
    }

    /// Only a retraction can leave such an event in the facts; the fold must shrug it off, not crash.
    @Test(arguments: [
        Event.instituteRenamed(institute: entity("ghost"), name: "Ghost"),
        .directorAppointed(institute: entity("ghost"), person: entity("alice")),
        .callResultsAnnounced(call: entity("ghost"), counts: CallCounts(labelled: 1)),
        .labelGranted(institute: entity("ghost"), kind: .carnot, call: entity("carnot-1"), from: day("2006-04-01"),
                      until: day("2011-04-28"), probation: false),
        .labelRenewed(institute: entity("ghost"), call: entity("carnot-2"), from: day("2011-04-28"), until: day("2016-04-28")),
        .labelExtended(institute: entity("ghost"), until: day("2017-01-01")),
        .labelWithdrawn(institute: entity("ghost"), reason: "gone"),
        .labelNotRenewed(institute: entity("ghost"), call: entity("carnot-2"), reason: nil),
        .schoolRenamed(school: entity("ghost"), name: "Ghost"),
        .schoolAffiliated(school: entity("ghost"), institute: entity("tsn"), role: .member),
        .consortiumJoined(consortium: entity("ghost"), institute: entity("tsn"), role: .member),
        .eventRetracted(target: 1, reason: "resolved before the fold"),
    ])
    func anEventNamingAnEntityTheStateDoesNotHoldChangesNothing(_ event: Event) {
        var state = Self.state(Self.tsn)

        state.apply(event, on: day("2012-01-01"))

        #expect(state == Self.state(Self.tsn))
    }
}
