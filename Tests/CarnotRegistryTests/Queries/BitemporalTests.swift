import Testing
@testable import CarnotRegistry

/// Valid time (when a fact held) and record time (when the registry learnt it) are queried independently:
/// a back-dated event or a retraction changes the past only as known from the position that recorded it.
struct BitemporalTests {
    /// 1 call, 2 tsn, 3 grant [2006-04-01, 2011-04-28), 4 rename on 2009-01-01, 5 withdrawal back-dated to
    /// 2008-06-01, 6 retraction of the rename.
    private static func store(_ environment: FixedEnvironment = FixedEnvironment()) throws -> EventStore {
        let store = try Fixture.store(environment)
        try store.seed(calls: ["carnot-1"], institutes: ["tsn"])
        try store.record(
            Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28"),
            Draft.renameInstitute("tsn", to: "Carnot Télécom & Société numérique", on: "2009-01-01"),
            Draft.withdraw("tsn", reason: "audit of 2008", on: "2008-06-01"),
            Draft.retract(4, reason: "the rename was announced, never made", on: "2009-01-01"))
        return store
    }

    private static let granted = LabelTerm(kind: .carnot, call: entity("carnot-1"), from: day("2006-04-01"),
                                           until: day("2011-04-28"), probation: false)

    @Test func aBackDatedWithdrawalChangesThePastOnlyAsKnownFromItsPosition() throws {
        let store = try Self.store()

        let before = try #require(try store.state(at: "2009-06-01", knownAt: .position(4)).institutes[entity("tsn")])
        let after = try #require(try store.state(at: "2009-06-01", knownAt: .position(5)).institutes[entity("tsn")])

        #expect(before.label(on: day("2009-06-01")) == Self.granted)
        #expect(after.label(on: day("2009-06-01")) == nil)
        var withdrawn = Self.granted
        withdrawn.until = day("2008-06-01")
        withdrawn.withdrawal = "audit of 2008"
        #expect(after.terms == [withdrawn])
        #expect(try store.state(at: "2008-05-31", knownAt: .position(5)).institutes[entity("tsn")]?
            .label(on: day("2008-05-31")) == Self.granted)
    }

    @Test func aRetractionRemovesTheEventOnlyAsKnownFromItsPosition() throws {
        let store = try Self.store()

        let before = try store.state(at: "2009-06-01", knownAt: .position(5))
        let after = try store.state(at: "2009-06-01", knownAt: .position(6))
        let now = try store.state(at: "2009-06-01")

        #expect(before.institutes[entity("tsn")]?.name == "Carnot Télécom & Société numérique")
        #expect(after.institutes[entity("tsn")]?.name == "Carnot TSN")
        #expect(now == after)
        #expect(after.institutes[entity("tsn")]?.label(on: day("2009-06-01")) == nil)
    }

    @Test func knowingAtAnInstantSeesExactlyTheEventsRecordedByThen() throws {
        let environment = FixedEnvironment()
        let store = try Self.store(environment)
        #expect(try store.events().map(\.recorded) == (1...6).map(environment.recordTime))
        let fourth = environment.recordTime(ofSeq: 4)
        let betweenFourthAndFifth = Timestamp(microseconds: fourth.microseconds + environment.step / 2)

        let atFourth = try store.state(at: "2009-06-01", knownAt: .instant(fourth))
        let between = try store.state(at: "2009-06-01", knownAt: .instant(betweenFourthAndFifth))
        let atFifth = try store.state(at: "2009-06-01", knownAt: .instant(environment.recordTime(ofSeq: 5)))

        #expect(atFourth == (try store.state(at: "2009-06-01", knownAt: .position(4))))
        #expect(between == atFourth)
        #expect(atFifth == (try store.state(at: "2009-06-01", knownAt: .position(5))))
        #expect(atFifth != atFourth)
        #expect(try store.position(at: betweenFourthAndFifth) == 4)
    }

    @Test func knowingAtAnInstantBeforeTheFirstRecordSeesNothing() throws {
        let environment = FixedEnvironment()
        let store = try Self.store(environment)
        let earlier = Timestamp(microseconds: environment.start.microseconds - 1)

        #expect(try store.position(.instant(earlier)) == 0)
        #expect(try store.state(at: "2009-06-01", knownAt: .instant(earlier)) == RegistryState())
    }

    @Test func aQueryAsKnownAtTheHeadEqualsTheQueryOnEverything() throws {
        let store = try Self.store()

        for text in ["2006-01-01", "2008-06-01", "2009-06-01", "2012-01-01"] {
            #expect(try store.state(at: text, knownAt: .position(6)) == store.state(at: text))
        }
    }
}
