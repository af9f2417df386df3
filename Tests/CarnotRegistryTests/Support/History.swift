@testable import CarnotRegistry

/// A small history of the network from 2006 to 2017 touching most event types, as the decisions that
/// recorded it, for tests that need a realistic log rather than one rule.
enum History {
    static let decisions: [[EventDraft]] = [
        [
            Draft.openCall("carnot-1", "Carnot 1", on: "2006-01"),
            Draft.registerInstitute("tsn", "Carnot Télécom & Société numérique", homes: ["Institut Mines-Télécom"], on: "2006"),
            Draft.registerInstitute("mines", "Carnot M.I.N.E.S", homes: ["Armines"], on: "2006"),
        ],
        [
            Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28"),
            Draft.grant("mines", in: "carnot-1", from: "2006-04-01", until: "2011-04-28"),
        ],
        [
            Draft.registerSchool("telecom-bretagne", "Télécom Bretagne", parent: "Institut Mines-Télécom", on: "2006"),
            Draft.registerSchool("mines-nantes", "École des Mines de Nantes", on: "2006"),
            Draft.affiliate("telecom-bretagne", to: "tsn", on: "2006-04-01"),
            Draft.affiliate("mines-nantes", to: "mines", as: .subsidiary, on: "2006-04-01"),
        ],
        [
            Draft.registerPerson("alice", "Alice Martin", on: "2008"),
            Draft.appoint("alice", as: .president, representing: "tsn", on: "2008-06"),
        ],
        [
            Draft.formConsortium("global-care", "GLOBAL CARE", on: "2009"),
            Draft.join("global-care", "mines", as: .coordinator, on: "2009"),
        ],
        [
            Draft.openCall("carnot-2", "Carnot 2", closes: "2010-12-31", on: "2010-06-01"),
            Draft.announceResults(of: "carnot-2", CallCounts(labelled: 34, renewed: 25, new: 9), on: "2011-04-28"),
            Draft.renew("tsn", in: "carnot-2", from: "2011-04-28", until: "2016-04-28"),
            Draft.renew("mines", in: "carnot-2", from: "2011-04-28", until: "2016-04-28"),
        ],
        [
            Draft.registerPerson("bob", "Bob Durand", on: "2011"),
            Draft.appointDirector("bob", of: "tsn", on: "2011-05"),
        ],
        [Draft.extend("tsn", until: "2016-12-31", on: "2016-03-01")],
        [
            Draft.merge(["telecom-bretagne", "mines-nantes"], into: "imt-atlantique", "IMT Atlantique",
                        parent: "Institut Mines-Télécom", on: "2017-01-01"),
        ],
    ]

    /// The number of events in `decisions`.
    static var eventCount: Int { decisions.reduce(0) { $0 + $1.count } }
}

extension EventStore {
    /// Appends every decision of `History`, each in one transaction.
    @discardableResult
    func recordHistory() throws -> LogHead {
        for decision in History.decisions { try append(decision) }
        return try head()
    }
}
