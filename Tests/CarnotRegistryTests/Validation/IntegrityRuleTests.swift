import Testing
@testable import CarnotRegistry

/// The reproductions of the integrity issue: writes the rules refuse, through the one place every write
/// path goes (`EventStore.append`); each refusal writes nothing.
@Suite struct IntegrityRuleTests {
    /// Appends `drafts` expecting a refusal naming `field`; proves the head did not move.
    private func expectRefused(_ store: EventStore, _ drafts: [EventDraft], field: String,
                               saying words: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try store.head()
        do {
            try store.append(drafts)
            Issue.record("the decision was accepted", sourceLocation: sourceLocation)
        } catch {
            guard case .invalid(let refusal) = error else {
                Issue.record("refused as \(error), not as a validation error", sourceLocation: sourceLocation)
                return
            }
            #expect(refusal.field == field, "\(refusal)", sourceLocation: sourceLocation)
            if let words { #expect(refusal.description.contains(words), "\(refusal)", sourceLocation: sourceLocation) }
        }
        #expect(try store.head() == before, sourceLocation: sourceLocation)
    }

    @Test func aNameTheReaderRefusesIsRefusedAtAppendAndTheStoreStaysReadable() throws {
        let store = try RuleFixture.store()
        let long = String(repeating: "a", count: 301)
        try expectRefused(store, [Draft.renameInstitute("mines", to: long, on: "2026")], field: "payload.name",
                          saying: "at most 300 characters")
        try expectRefused(store, [Draft.renameSchool("telecom-bretagne", to: long, on: "2026")], field: "payload.name")
        try expectRefused(store, [Draft.changeParent(of: "telecom-bretagne", to: long, on: "2026")], field: "payload.parent")
        try expectRefused(store, [Draft.registerPerson("dave", long, on: "2026")], field: "payload.name")
        try expectRefused(store, [Draft.formConsortium("c2", long, on: "2026")], field: "payload.name")
        var draft = Draft.renameInstitute("mines", to: "Carnot MINES", on: "2026")
        draft.recordedBy = String(repeating: "r", count: 201)
        try expectRefused(store, [draft], field: "recordedBy")
        _ = try store.state(at: Day(year: 2026, month: 6, day: 1)!)
        #expect(try store.verify().isValid)
    }

    @Test func aTremplinCannotRunBesideACarnotLabelNorACarnotLabelBesideATremplin() throws {
        let store = try RuleFixture.store()
        try expectRefused(store, [Draft.grant("tsn", in: "carnot-1", from: "2010-01-01", until: "2012-01-01", kind: .tremplin,
                                              on: "2010-01-01")],
                          field: "payload.institute", saying: "one label term at a time")
        try store.append([Draft.grant("mines", in: "carnot-1", from: "2007-01-01", until: "2009-01-01", kind: .tremplin,
                                      on: "2007-01-01")])
        try expectRefused(store, [Draft.grant("mines", in: "carnot-1", from: "2008-01-01", until: "2012-01-01",
                                              on: "2008-01-01")], field: "payload.institute")
        // A back-dated grant may not overlap a term recorded for a later day either.
        try expectRefused(store, [Draft.grant("mines", in: "carnot-1", from: "2006-06-01", until: "2007-06-01",
                                              on: "2006-06-01")], field: "payload.institute")
        // After the tremplin ends, a Carnot label is a new grant.
        try store.append([Draft.grant("mines", in: "carnot-1", from: "2009-01-01", until: "2013-01-01", on: "2009-01-01")])
    }

    @Test func anExtensionCannotReviveATermThatEndedBeforeIt() throws {
        let store = try RuleFixture.store()
        // tsn's term ended on 2011-04-28.
        try expectRefused(store, [Draft.extend("tsn", until: "2025-02-07", on: "2024")], field: "payload.institute",
                          saying: "an ended term cannot be extended")
        try store.append([Draft.extend("tsn", until: "2011-12-31", on: "2011-03-01")])
        let held = try store.state(at: Day(year: 2011, month: 10, day: 1)!).institutes[EntityID("tsn")!]
        #expect(held?.label(on: Day(year: 2011, month: 10, day: 1)!)?.until == Day(year: 2011, month: 12, day: 31))
    }

    @Test func anExtensionCannotRunIntoALaterTerm() throws {
        let store = try RuleFixture.store()
        try store.append([Draft.grant("tsn", in: "carnot-2", from: "2012-01-01", until: "2016-01-01", on: "2011-12-01")])
        try expectRefused(store, [Draft.extend("tsn", until: "2012-06-01", on: "2011-03-01")], field: "payload.until")
    }

    @Test func aRetractionThatLeavesLaterEventsWithoutTheirBasisIsRefusedNamingThem() throws {
        let store = try RuleFixture.store()
        try store.append([Draft.renew("tsn", in: "carnot-2", from: "2011-04-28", until: "2016-04-28", on: "2011-04-28")])
        let renewal = try store.head().seq
        try expectRefused(store, [Draft.retract(RuleFixture.grantPosition, on: "2026")], field: "payload.target",
                          saying: "retract or correct \(renewal) first")
        // The registration of tsn carries its affiliation (10), membership (18), grant (5) and renewal.
        try expectRefused(store, [Draft.retract(2, on: "2026")], field: "payload.target",
                          saying: "retract or correct 5, 10, 18, \(renewal) first")
        // Retracting the dependents first, newest first, then the grant, is accepted.
        try store.append([Draft.retract(renewal, on: "2026")])
        try store.append([Draft.retract(RuleFixture.grantPosition, on: "2026")])
    }

    @Test func anEventCannotBeRetractedOrCorrectedOnceRetracted() throws {
        let store = try RuleFixture.store()
        try store.append([Draft.retract(18, on: "2026")])
        let retraction = try store.head().seq
        try expectRefused(store, [Draft.retract(18, on: "2026")], field: "payload.target",
                          saying: "already retracted by event \(retraction)")
        try expectRefused(store, [Draft.correct(18, with: Draft.join("global-care", "tsn", on: "2010"), on: "2026")],
                          field: "payload.target")
    }

    @Test func aCorrectionWhoseReplacementBreaksALaterEventIsRefused() throws {
        let store = try RuleFixture.store()
        // Moving tsn's registration after its grant of 2006-04-01 would leave the grant without an institute.
        try expectRefused(store, [Draft.correct(2, with: Draft.registerInstitute("tsn", "Carnot TSN", on: "2007"), on: "2026")],
                          field: "payload.target", saying: "event 5 would break a rule")
        try store.append([Draft.correct(2, with: Draft.registerInstitute("tsn", "Carnot TSN", on: "2006-02-01"), on: "2026")])
    }

    @Test func aCallsResultsAreAnnouncedOnceAndChangedByACorrection() throws {
        let store = try RuleFixture.store()
        try store.append([Draft.announceResults(of: "carnot-2", CallCounts(labelled: 34), on: "2011-04-28")])
        let announcement = try store.head().seq
        try expectRefused(store, [Draft.announceResults(of: "carnot-2", CallCounts(labelled: 34), on: "2011-04-28")],
                          field: "payload.call", saying: "already announced")
        try store.append([Draft.correct(announcement, with: Draft.announceResults(of: "carnot-2", CallCounts(labelled: 35),
                                                                                  on: "2011-04-28"), on: "2026")])
    }

    @Test func everyEventOfADecisionCarriesTheSameRecordTime() throws {
        let store = try Fixture.store(FixedEnvironment(stepMicroseconds: 1_000))
        try store.append([
            Draft.openCall("carnot-1", "Carnot 1", on: "2006-01-01"),
            Draft.registerInstitute("tsn", "Carnot TSN", on: "2006-01-01"),
            Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28"),
        ])
        try store.append([Draft.registerInstitute("mines", "Carnot M.I.N.E.S", on: "2006-01-01")])
        let times = try store.events().map(\.recorded)
        #expect(Set(times.prefix(3)).count == 1)
        #expect(times[3] > times[0])
    }
}
