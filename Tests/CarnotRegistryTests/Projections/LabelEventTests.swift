import Testing
@testable import CarnotRegistry

/// How label events change an institute's terms, and which label `label(on:)` then says is held.
struct LabelEventTests {
    private static let registered = InstituteRecord(id: entity("tsn"), name: "Carnot TSN", homeInstitutions: [],
                                                    registered: day("2006-01-01"))
    private static let firstTerm = LabelTerm(kind: .carnot, call: entity("carnot-1"), from: day("2006-04-01"),
                                             until: day("2011-04-28"), probation: false)

    /// The state holding tsn with `terms`.
    private static func tsn(_ terms: [LabelTerm], notRenewedIn: [EntityID] = []) -> RegistryState {
        var institute = registered
        institute.terms = terms
        institute.notRenewedIn = notRenewedIn
        var state = RegistryState()
        state.institutes[institute.id] = institute
        return state
    }

    @Test func aGrantAddsATermWithItsKindCallDatesAndProbation() {
        var state = Self.tsn([])

        state.apply(.labelGranted(institute: entity("tsn"), kind: .tremplin, call: entity("carnot-3"), from: day("2016-07-01"),
                                  until: day("2019-07-01"), probation: true), on: day("2016-07-01"))

        #expect(state == Self.tsn([LabelTerm(kind: .tremplin, call: entity("carnot-3"), from: day("2016-07-01"),
                                             until: day("2019-07-01"), probation: true)]))
    }

    @Test(arguments: [
        ("2006-03-31", false), ("2006-04-01", true), ("2009-01-01", true), ("2011-04-27", true), ("2011-04-28", false),
    ])
    func aGrantedLabelIsHeldFromItsFirstDayUpToButNotIncludingUntil(_ text: String, _ held: Bool) {
        var state = Self.tsn([])

        state.apply(.labelGranted(institute: entity("tsn"), kind: .carnot, call: entity("carnot-1"), from: day("2006-04-01"),
                                  until: day("2011-04-28"), probation: false), on: day("2006-04-01"))

        let label = state.institutes[entity("tsn")]?.label(on: day(text))
        #expect((label != nil) == held)
        if held { #expect(label == Self.firstTerm) }
    }

    @Test func aRenewalAddsATermOfTheSameKindInItsCallNotOnProbation() {
        var probation = Self.firstTerm
        probation.probation = true
        var state = Self.tsn([probation])

        state.apply(.labelRenewed(institute: entity("tsn"), call: entity("carnot-2"), from: day("2011-04-28"),
                                  until: day("2016-04-28")), on: day("2011-04-28"))

        let renewal = LabelTerm(kind: .carnot, call: entity("carnot-2"), from: day("2011-04-28"), until: day("2016-04-28"),
                                probation: false, renewal: true)
        #expect(state == Self.tsn([probation, renewal]))
        #expect(state.institutes[entity("tsn")]?.label(on: day("2011-04-28")) == renewal)
        #expect(state.institutes[entity("tsn")]?.label(on: day("2011-04-27")) == probation)
    }

    @Test(arguments: [("2011-04-28", true), ("2012-06-30", true), ("2012-07-01", false)])
    func anExtensionMovesTheEndOfTheLastTerm(_ text: String, _ held: Bool) {
        var state = Self.tsn([Self.firstTerm])

        state.apply(.labelExtended(institute: entity("tsn"), until: day("2012-07-01")), on: day("2011-03-01"))

        var extended = Self.firstTerm
        extended.until = day("2012-07-01")
        #expect(state == Self.tsn([extended]))
        #expect((state.institutes[entity("tsn")]?.label(on: day(text)) != nil) == held)
    }

    @Test func aWithdrawalEndsTheTermOnTheWithdrawalDayAndKeepsTheReason() {
        var state = Self.tsn([Self.firstTerm])

        state.apply(.labelWithdrawn(institute: entity("tsn"), reason: "evaluation failed"), on: day("2009-10-15"))

        var withdrawn = Self.firstTerm
        withdrawn.until = day("2009-10-15")
        withdrawn.withdrawal = "evaluation failed"
        #expect(state == Self.tsn([withdrawn]))
        #expect(state.institutes[entity("tsn")]?.label(on: day("2009-10-14")) == withdrawn)
        #expect(state.institutes[entity("tsn")]?.label(on: day("2009-10-15")) == nil)
    }

    @Test func aWithdrawalOnADayNoTermCoversChangesNothing() {
        var state = Self.tsn([Self.firstTerm])

        state.apply(.labelWithdrawn(institute: entity("tsn"), reason: "too late"), on: day("2011-04-28"))

        #expect(state == Self.tsn([Self.firstTerm]))
    }

    @Test func notBeingRenewedRecordsTheCallAndLeavesTheTermsToRunOut() {
        var state = Self.tsn([Self.firstTerm])

        state.apply(.labelNotRenewed(institute: entity("tsn"), call: entity("carnot-2"), reason: "not selected"),
                    on: day("2011-04-28"))

        #expect(state == Self.tsn([Self.firstTerm], notRenewedIn: [entity("carnot-2")]))
        #expect(state.institutes[entity("tsn")]?.label(on: day("2011-04-27")) == Self.firstTerm)
    }
}
