import Testing
@testable import CarnotRegistry

/// Every rule of the registry refuses the decision that breaks it, names the field at fault, and writes
/// nothing. Each case starts from `RuleFixture`.
struct ValidationRuleTests {
    static let refusals: [RefusedDecision] = [
        // Labels need a grant first.
        .init("renewal of an institute never granted",
              Draft.renew("ingenierie", in: "carnot-2", from: "2011-04-28", until: "2016-04-28"), field: "payload.institute"),
        .init("extension of an institute never granted",
              Draft.extend("ingenierie", until: "2016-01-01", on: "2012-01-01"), field: "payload.institute"),
        .init("not-renewed of an institute never granted",
              Draft.notRenew("ingenierie", in: "carnot-2", on: "2011-04-28"), field: "payload.institute"),
        .init("withdrawal of a label never granted", Draft.withdraw("mines", on: "2009-01-01"), field: "payload.institute"),
        .init("withdrawal of a label that ran out", Draft.withdraw("tsn", on: "2011-04-28"), field: "payload.institute"),
        .init("second grant of the same kind during a term",
              Draft.grant("tsn", in: "carnot-2", from: "2010-06-01", until: "2015-06-01"), field: "payload.institute"),
        // Terms.
        .init("grant whose until is its from", Draft.grant("mines", in: "carnot-2", from: "2011-04-28", until: "2011-04-28"),
              field: "payload.until"),
        .init("renewal whose until is before its from",
              Draft.renew("tsn", in: "carnot-2", from: "2011-04-28", until: "2010-01-01"), field: "payload.until"),
        .init("extension ending before the current term does",
              Draft.extend("tsn", until: "2010-01-01", on: "2009-01-01"), field: "payload.until"),
        // Unknown ids, and ids not registered yet on the event's day.
        .init("rename of an unknown institute", Draft.renameInstitute("nowhere", to: "Nowhere", on: "2012"),
              field: "payload.institute"),
        .init("director who is not a registered person", Draft.appointDirector("dave", of: "tsn", on: "2012"),
              field: "payload.person"),
        .init("grant in an unknown call", Draft.grant("mines", in: "carnot-9", from: "2012-01-01", until: "2017-01-01"),
              field: "payload.call"),
        .init("grant in a call not yet open", Draft.grant("mines", in: "carnot-2", from: "2009-01-01", until: "2014-01-01"),
              field: "payload.call"),
        .init("grant before the institute is registered",
              Draft.grant("tsn", in: "carnot-1", from: "2005-06-01", until: "2006-01-01"), field: "payload.institute"),
        .init("joining an unknown consortium", Draft.join("carnot-europe", "mines", on: "2012"), field: "payload.consortium"),
        .init("office holder representing an unknown institute",
              Draft.appoint("carol", as: .boardMember, representing: "nowhere", on: "2012"), field: "payload.representing"),
        // One id names one entity, whatever its kind.
        .init("institute registered under a school's id", Draft.registerInstitute("telecom-bretagne", "X", on: "2012"),
              field: "payload.institute"),
        .init("school registered under an institute's id", Draft.registerSchool("tsn", "X", on: "2012"), field: "payload.school"),
        .init("person registered under a call's id", Draft.registerPerson("carnot-1", "X", on: "2012"), field: "payload.person"),
        .init("call opened under a person's id", Draft.openCall("alice", "X", on: "2012"), field: "payload.call"),
        .init("consortium formed under an institute's id", Draft.formConsortium("mines", "X", on: "2012"),
              field: "payload.consortium"),
        .init("merger into an id already used", Draft.merge(["telecom-bretagne", "imt-lille-douai"], into: "tsn", "X", on: "2018"),
              field: "payload.into"),
        // Schools.
        .init("affiliation to an unknown institute", Draft.affiliate("telecom-bretagne", to: "nowhere", on: "2012"),
              field: "payload.institute"),
        .init("affiliation of an unknown school", Draft.affiliate("nowhere", to: "tsn", on: "2012"), field: "payload.school"),
        .init("affiliation of a school merged away", Draft.affiliate("mines-douai", to: "mines", on: "2018"),
              field: "payload.school"),
        .init("rename of a school merged away", Draft.renameSchool("telecom-lille", to: "IMT Lille", on: "2018"),
              field: "payload.school"),
        .init("second affiliation to the same institute", Draft.affiliate("telecom-bretagne", to: "tsn", on: "2012"),
              field: "payload.school"),
        .init("disaffiliation from an institute not supported", Draft.disaffiliate("telecom-bretagne", from: "mines", on: "2012"),
              field: "payload.institute"),
        .init("merger of a single school", Draft.merge(["telecom-bretagne"], into: "imt-bretagne", "X", on: "2012"),
              field: "payload.schools"),
        .init("parent changed to the current parent",
              Draft.changeParent(of: "telecom-bretagne", to: "Institut Mines-Télécom", on: "2012"), field: "payload.parent"),
        .init("rename to the current name", Draft.renameInstitute("tsn", to: "Carnot TSN", on: "2012"), field: "payload.name"),
        // Offices and consortia.
        .init("second president without the first leaving", Draft.appoint("carol", as: .president, on: "2012"),
              field: "payload.office"),
        .init("the president appointed president again", Draft.appoint("alice", as: .president, on: "2012"),
              field: "payload.person"),
        .init("leaving an office not held", Draft.leave("carol", .treasurer, on: "2012"), field: "payload.person"),
        .init("joining a consortium twice", Draft.join("global-care", "tsn", on: "2012"), field: "payload.institute"),
        .init("leaving a consortium not joined", Draft.leaveConsortium("global-care", "mines", on: "2012"),
              field: "payload.institute"),
        // Calls.
        .init("call closing before it opens", Draft.openCall("carnot-3", "Carnot 3", closes: "2015-12-31", on: "2016-01-01"),
              field: "payload.closes"),
        .init("results where renewed and new do not add up to labelled",
              Draft.announceResults(of: "carnot-2", CallCounts(labelled: 34, renewed: 25, new: 8), on: "2011-04-28"),
              field: "payload.labelled"),
        // Corrections.
        .init("retraction of a position beyond the head", Draft.retract(20, on: "2012"), field: "payload.target"),
        .init("retraction of a correction", Draft.retract(RuleFixture.correctionPosition, on: "2012"), field: "payload.target"),
        .init("correction of a correction",
              Draft.correct(RuleFixture.correctionPosition, with: Draft.openCall("carnot-2", "Carnot II", on: "2010-06-01"),
                            on: "2012"), field: "payload.target"),
        .init("correction whose replacement breaks a rule",
              Draft.correct(RuleFixture.grantPosition,
                            with: Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2006-01-01"), on: "2012"),
              field: "payload.replacement.payload.until"),
        // In a decision of several events, the one at fault is named.
        .init("second event of a decision naming a school the first did not register",
              Draft.registerSchool("eurecom", "EURECOM", on: "2012"), Draft.affiliate("eurecom-sa", to: "tsn", on: "2012"),
              field: "payload.school"),
    ]

    @Test(arguments: refusals)
    func aDecisionBreakingARuleIsRefusedNamingTheFieldAndWritesNothing(_ refusal: RefusedDecision) throws {
        let store = try RuleFixture.store()
        let head = try store.head()

        let error = #expect(throws: StoreError.self) { try store.append(refusal.drafts) }

        let validation = try #require(error?.validation, "refused, but not as invalid: \(String(describing: error))")
        #expect(validation.field == refusal.field)
        #expect(validation.index == refusal.drafts.count - 1)
        #expect(try store.head() == head)
    }
}
