import Testing
@testable import CarnotRegistry

/// An institute's label on a day is "held", "ended" or "not known": a day no recorded term covers is never
/// reported as "not labelled".
struct LabelStatusTests {
    static func institute(_ terms: [LabelTerm]) -> InstituteRecord {
        var record = InstituteRecord(id: entity("lsi"), name: "LSI", homeInstitutions: [], registered: day("2007-03-15"))
        record.terms = terms
        return record
    }

    static let first = LabelTerm(kind: .carnot, call: entity("carnot-1b"), from: day("2007-03-15"), until: day("2011-04-28"), probation: false)
    static let third = LabelTerm(kind: .carnot, call: entity("carnot-3"), from: day("2016-07-06"), until: day("2020-02-07"),
                                 probation: false, renewal: true)

    @Test(arguments: [
        ("2007-03-14", "not known"), ("2007-03-15", "held"), ("2011-04-27", "held"), ("2011-04-28", "ended"),
        ("2016-07-05", "ended"), ("2016-07-06", "held"), ("2020-02-07", "ended"),
    ])
    func theStatusFollowsTheRecordedTerms(_ text: String, _ words: String) {
        let status = LabelStatus(Self.institute([Self.first, Self.third]), on: day(text))
        #expect(status.words == words)
    }

    @Test func anEndedStatusNamesTheLatestTermThatEnded() {
        let status = LabelStatus(Self.institute([Self.first, Self.third]), on: day("2021-01-01"))
        #expect(status == .ended(Self.third))
        #expect(status.phrase == "ended 2020-02-07")
        #expect(status.code == "ended")
    }

    @Test func anInstituteWithoutTermsIsNotKnownNeverNotLabelled() {
        let status = LabelStatus(Self.institute([]), on: day("2020-02-07"))
        #expect(status == .notKnown)
        #expect(status.code == "not-known")
        #expect(status.phrase == "not known")
    }

    @Test func aWithdrawnTermEndsOnItsWithdrawalDay() {
        var withdrawn = Self.first
        withdrawn.until = day("2009-01-01")
        withdrawn.withdrawal = "evaluation"
        let status = LabelStatus(Self.institute([withdrawn]), on: day("2009-01-01"))
        #expect(status.phrase == "ended 2009-01-01 (withdrawn: evaluation)")
    }
}
