import Testing
@testable import CarnotRegistry

/// A log that every validation case starts from, one decision per event, so positions are known:
/// tsn labelled in carnot-1 [2006-04-01, 2011-04-28), mines and ingenierie never labelled, carnot-2 open
/// from 2010-06-01, telecom-bretagne affiliated to tsn, mines-douai and telecom-lille merged into
/// imt-lille-douai on 2017-01-01, alice president and bob vice-president since 2008-06-01, global-care with
/// tsn, and a correction at position 19 (of the opening of carnot-2, at position 6).
enum RuleFixture {
    static let decisions: [EventDraft] = [
        Draft.openCall("carnot-1", "Carnot 1", on: "2006-01-01"),
        Draft.registerInstitute("tsn", "Carnot TSN", on: "2006-01-01"),
        Draft.registerInstitute("mines", "Carnot M.I.N.E.S", on: "2006-01-01"),
        Draft.registerInstitute("ingenierie", "Carnot Ingénierie", on: "2006-01-01"),
        Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28"),
        Draft.openCall("carnot-2", "Carnot 2", on: "2010-06-01"),
        Draft.registerSchool("telecom-bretagne", "Télécom Bretagne", parent: "Institut Mines-Télécom", on: "2006"),
        Draft.registerSchool("mines-douai", "Mines Douai", on: "2006"),
        Draft.registerSchool("telecom-lille", "Télécom Lille", on: "2006"),
        Draft.affiliate("telecom-bretagne", to: "tsn", on: "2006-04-01"),
        Draft.merge(["mines-douai", "telecom-lille"], into: "imt-lille-douai", "IMT Lille Douai", on: "2017-01-01"),
        Draft.registerPerson("alice", "Alice Martin", on: "2008"),
        Draft.registerPerson("bob", "Bob Durand", on: "2008"),
        Draft.registerPerson("carol", "Carol Petit", on: "2008"),
        Draft.appoint("alice", as: .president, on: "2008-06-01"),
        Draft.appoint("bob", as: .vicePresident, on: "2008-06-01"),
        Draft.formConsortium("global-care", "GLOBAL CARE", on: "2009"),
        Draft.join("global-care", "tsn", on: "2009"),
        Draft.correct(6, with: Draft.openCall("carnot-2", "Carnot 2", closes: "2010-12-31", on: "2010-06-01"),
                      on: "2010-07-01"),
    ]

    static let grantPosition: Int64 = 5
    static let correctionPosition: Int64 = 19

    /// A fresh in-memory store holding `decisions`.
    static func store() throws -> EventStore {
        let store = try Fixture.store()
        for draft in decisions { try store.append([draft]) }
        return store
    }
}

/// A decision a rule refuses, and the field the refusal must name.
struct RefusedDecision: Sendable, CustomTestStringConvertible {
    let rule: String
    let drafts: [EventDraft]
    let field: String

    init(_ rule: String, _ drafts: EventDraft..., field: String) {
        self.rule = rule
        self.drafts = drafts
        self.field = field
    }

    var testDescription: String { rule }
}
