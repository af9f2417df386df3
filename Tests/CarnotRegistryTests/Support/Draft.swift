@testable import CarnotRegistry

/// Builders that read like the decisions they stand for: `Draft.registerInstitute("tsn", "Carnot TSN", on: "2006")`.
///
/// Every date is a literal `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the effective date's precision follows it.
enum Draft {
    static let source = "test fixture"

    /// A draft of `event` taking effect on `effective`.
    static func make(_ event: Event, on effective: String) -> EventDraft {
        EventDraft(event, effective: date(effective), source: source)
    }

    // MARK: Institutes

    static func registerInstitute(_ institute: String, _ name: String, homes: [String] = [],
                                  on effective: String) -> EventDraft {
        make(.instituteRegistered(institute: entity(institute), name: name, homeInstitutions: homes), on: effective)
    }

    static func renameInstitute(_ institute: String, to name: String, on effective: String) -> EventDraft {
        make(.instituteRenamed(institute: entity(institute), name: name), on: effective)
    }

    static func appointDirector(_ person: String, of institute: String, on effective: String) -> EventDraft {
        make(.directorAppointed(institute: entity(institute), person: entity(person)), on: effective)
    }

    // MARK: Calls

    static func openCall(_ call: String, _ name: String, closes: String? = nil, on effective: String) -> EventDraft {
        make(.callOpened(call: entity(call), name: name, closes: closes.map(day)), on: effective)
    }

    static func announceResults(of call: String, _ counts: CallCounts, on effective: String) -> EventDraft {
        make(.callResultsAnnounced(call: entity(call), counts: counts), on: effective)
    }

    // MARK: Labels

    /// A grant taking effect on its first day unless `on` says otherwise.
    static func grant(_ institute: String, in call: String, from: String, until: String, kind: LabelKind = .carnot,
                      probation: Bool = false, on effective: String? = nil) -> EventDraft {
        make(.labelGranted(institute: entity(institute), kind: kind, call: entity(call), from: day(from),
                           until: day(until), probation: probation), on: effective ?? from)
    }

    /// A renewal taking effect on its first day unless `on` says otherwise.
    static func renew(_ institute: String, in call: String, from: String, until: String,
                      on effective: String? = nil) -> EventDraft {
        make(.labelRenewed(institute: entity(institute), call: entity(call), from: day(from), until: day(until)),
             on: effective ?? from)
    }

    static func extend(_ institute: String, until: String, on effective: String) -> EventDraft {
        make(.labelExtended(institute: entity(institute), until: day(until)), on: effective)
    }

    static func withdraw(_ institute: String, reason: String = "evaluation failed", on effective: String) -> EventDraft {
        make(.labelWithdrawn(institute: entity(institute), reason: reason), on: effective)
    }

    static func notRenew(_ institute: String, in call: String, reason: String? = nil,
                         on effective: String) -> EventDraft {
        make(.labelNotRenewed(institute: entity(institute), call: entity(call), reason: reason), on: effective)
    }

    // MARK: Schools

    static func registerSchool(_ school: String, _ name: String, parent: String? = nil,
                               on effective: String) -> EventDraft {
        make(.schoolRegistered(school: entity(school), name: name, parent: parent), on: effective)
    }

    static func renameSchool(_ school: String, to name: String, on effective: String) -> EventDraft {
        make(.schoolRenamed(school: entity(school), name: name), on: effective)
    }

    static func changeParent(of school: String, to parent: String, on effective: String) -> EventDraft {
        make(.schoolParentChanged(school: entity(school), parent: parent), on: effective)
    }

    static func merge(_ schools: [String], into: String, _ name: String, parent: String? = nil,
                      on effective: String) -> EventDraft {
        make(.schoolsMerged(schools: schools.map(entity), into: entity(into), name: name, parent: parent),
             on: effective)
    }

    static func affiliate(_ school: String, to institute: String, as role: AffiliationRole = .member,
                          on effective: String) -> EventDraft {
        make(.schoolAffiliated(school: entity(school), institute: entity(institute), role: role), on: effective)
    }

    static func disaffiliate(_ school: String, from institute: String, on effective: String) -> EventDraft {
        make(.schoolDisaffiliated(school: entity(school), institute: entity(institute)), on: effective)
    }

    // MARK: The association

    static func registerPerson(_ person: String, _ name: String, alsoKnownAs: [String] = [],
                               on effective: String) -> EventDraft {
        make(.personRegistered(person: entity(person), name: name, alsoKnownAs: alsoKnownAs), on: effective)
    }

    static func appoint(_ person: String, as office: Office, representing: String? = nil,
                        on effective: String) -> EventDraft {
        make(.officeHolderAppointed(person: entity(person), office: office, representing: representing.map(entity)),
             on: effective)
    }

    static func leave(_ person: String, _ office: Office, on effective: String) -> EventDraft {
        make(.officeHolderLeft(person: entity(person), office: office), on: effective)
    }

    static func formConsortium(_ consortium: String, _ name: String, on effective: String) -> EventDraft {
        make(.consortiumFormed(consortium: entity(consortium), name: name), on: effective)
    }

    static func join(_ consortium: String, _ institute: String, as role: ConsortiumRole = .member,
                     on effective: String) -> EventDraft {
        make(.consortiumJoined(consortium: entity(consortium), institute: entity(institute), role: role), on: effective)
    }

    static func leaveConsortium(_ consortium: String, _ institute: String, on effective: String) -> EventDraft {
        make(.consortiumLeft(consortium: entity(consortium), institute: entity(institute)), on: effective)
    }

    // MARK: Corrections

    static func retract(_ target: Int64, reason: String = "entered in error", on effective: String) -> EventDraft {
        make(.eventRetracted(target: target, reason: reason), on: effective)
    }

    /// A correction putting `replacement` (its event and effective date) in place of the event at `target`.
    static func correct(_ target: Int64, with replacement: EventDraft, reason: String = "source misread",
                        on effective: String) -> EventDraft {
        let correction = Correction(event: replacement.event, effective: replacement.effective,
                                    precision: replacement.precision)
        return make(.eventCorrected(target: target, reason: reason, replacement: correction), on: effective)
    }
}
