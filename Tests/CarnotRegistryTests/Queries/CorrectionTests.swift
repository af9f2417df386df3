import Testing
@testable import CarnotRegistry

/// `event.corrected` puts a replacement in place of an event from the correction's position on; what was
/// known before the correction still shows the original.
struct CorrectionTests {
    /// 1 call, 2 tsn, 3 grant [2006-04-01, 2011-04-28), 4 correction of 3 to [2006-04-01, 2011-06-30).
    private static func correctedGrantStore() throws -> EventStore {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"], institutes: ["tsn"])
        try store.record(
            Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28"),
            Draft.correct(3, with: Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-06-30"),
                          on: "2011-05-02"))
        return store
    }

    @Test func theReplacementAppliesFromTheCorrectionsPositionAndTheOriginalIsSkipped() throws {
        let store = try Self.correctedGrantStore()

        let tsn = try #require(try store.state(at: "2011-05-15").institutes[entity("tsn")])

        #expect(tsn.terms == [LabelTerm(kind: .carnot, call: entity("carnot-1"), from: day("2006-04-01"),
                                        until: day("2011-06-30"), probation: false)])
        #expect(tsn.label(on: day("2011-05-15")) != nil)
        #expect(try store.state(at: "2011-05-15", knownAt: .position(4)) == store.state(at: "2011-05-15"))
    }

    @Test func whatWasKnownBeforeTheCorrectionStillShowsTheOriginal() throws {
        let store = try Self.correctedGrantStore()

        let tsn = try #require(try store.state(at: "2011-05-15", knownAt: .position(3)).institutes[entity("tsn")])

        #expect(tsn.terms.map(\.until) == [day("2011-04-28")])
        #expect(tsn.label(on: day("2011-05-15")) == nil)
    }

    @Test func aReplacementTakesEffectOnItsOwnDateNotTheOriginals() throws {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"], institutes: ["tsn"])
        try store.record(
            Draft.renameInstitute("tsn", to: "Carnot Télécom & Société numérique", on: "2009-01-01"),
            Draft.correct(3, with: Draft.renameInstitute("tsn", to: "Carnot Télécom & Société numérique", on: "2007-06"),
                          on: "2012-01-01"))

        #expect(try store.state(at: "2008-01-01", knownAt: .position(3)).institutes[entity("tsn")]?.name == "Carnot TSN")
        #expect(try store.state(at: "2008-01-01").institutes[entity("tsn")]?.name == "Carnot Télécom & Société numérique")
        #expect(try store.state(at: "2007-05-31").institutes[entity("tsn")]?.name == "Carnot TSN")
    }

    /// The latest correction of an event decides; the earlier replacement no longer holds, so the new one
    /// must not be checked against it.
    @Test func aSecondCorrectionOfTheSameEventIsAcceptedAndDecides() throws {
        let store = try Self.correctedGrantStore()

        try store.record(Draft.correct(3, with: Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-12-31"),
                                       on: "2011-06-01"))

        let tsn = try #require(try store.state(at: "2011-07-01").institutes[entity("tsn")])
        #expect(tsn.terms.map(\.until) == [day("2011-12-31")])
        #expect(try store.state(at: "2011-07-01", knownAt: .position(4)).institutes[entity("tsn")]?.terms.map(\.until)
            == [day("2011-06-30")])
    }
}
