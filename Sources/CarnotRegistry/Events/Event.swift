/// A fact about the Carnot network, as a past-tense decision: the payload of a recorded event.
///
/// Each case is one event type in its current schema version (`EventSchema.version(of:)`); `typeName` is
/// its name in the log. Events name
/// entities by `EntityID`; whether those entities exist on the event's date is checked at append by
/// `DecisionValidator`, never assumed by the projection.
public enum Event: Equatable, Sendable {
    // Institutes
    case instituteRegistered(institute: EntityID, name: String, homeInstitutions: [String])
    case instituteRenamed(institute: EntityID, name: String)
    case directorAppointed(institute: EntityID, person: EntityID)

    // Calls
    case callOpened(call: EntityID, name: String, closes: Day?)
    case callResultsAnnounced(call: EntityID, counts: CallCounts)

    // Labels
    case labelGranted(institute: EntityID, kind: LabelKind, call: EntityID, from: Day, until: Day, probation: Bool)
    case labelRenewed(institute: EntityID, call: EntityID, from: Day, until: Day)
    case labelExtended(institute: EntityID, until: Day)
    case labelWithdrawn(institute: EntityID, reason: String)
    case labelNotRenewed(institute: EntityID, call: EntityID, reason: String?)

    // Schools
    case schoolRegistered(school: EntityID, name: String, parent: String?)
    case schoolRenamed(school: EntityID, name: String)
    case schoolParentChanged(school: EntityID, parent: String)
    case schoolsMerged(schools: [EntityID], into: EntityID, name: String, parent: String?)
    case schoolAffiliated(school: EntityID, institute: EntityID, role: AffiliationRole)
    case schoolDisaffiliated(school: EntityID, institute: EntityID)

    // The association
    /// Version 2 added `alsoKnownAs`: other spellings a source uses for the same person (document 004
    /// writes "Christian Picory" for Christian Picory-Donné). A version 1 event reads as having none.
    case personRegistered(person: EntityID, name: String, alsoKnownAs: [String])
    case officeHolderAppointed(person: EntityID, office: Office, representing: EntityID?)
    case officeHolderLeft(person: EntityID, office: Office)
    case consortiumFormed(consortium: EntityID, name: String)
    case consortiumJoined(consortium: EntityID, institute: EntityID, role: ConsortiumRole)
    case consortiumLeft(consortium: EntityID, institute: EntityID)

    // Corrections
    case eventRetracted(target: Int64, reason: String)
    indirect case eventCorrected(target: Int64, reason: String, replacement: Correction)

    /// The event's type name in the log.
    public var typeName: String {
        switch self {
        case .instituteRegistered: "institute.registered"
        case .instituteRenamed: "institute.renamed"
        case .directorAppointed: "institute.directorAppointed"
        case .callOpened: "call.opened"
        case .callResultsAnnounced: "call.resultsAnnounced"
        case .labelGranted: "label.granted"
        case .labelRenewed: "label.renewed"
        case .labelExtended: "label.extended"
        case .labelWithdrawn: "label.withdrawn"
        case .labelNotRenewed: "label.notRenewed"
        case .schoolRegistered: "school.registered"
        case .schoolRenamed: "school.renamed"
        case .schoolParentChanged: "school.parentChanged"
        case .schoolsMerged: "schools.merged"
        case .schoolAffiliated: "school.affiliated"
        case .schoolDisaffiliated: "school.disaffiliated"
        case .personRegistered: "person.registered"
        case .officeHolderAppointed: "office.appointed"
        case .officeHolderLeft: "office.left"
        case .consortiumFormed: "consortium.formed"
        case .consortiumJoined: "consortium.joined"
        case .consortiumLeft: "consortium.left"
        case .eventRetracted: "event.retracted"
        case .eventCorrected: "event.corrected"
        }
    }

    /// Every type name, for `--help` and error messages.
    public static let typeNames: [String] = [
        "institute.registered", "institute.renamed", "institute.directorAppointed", "call.opened",
        "call.resultsAnnounced", "label.granted", "label.renewed", "label.extended", "label.withdrawn",
        "label.notRenewed", "school.registered", "school.renamed", "school.parentChanged", "schools.merged", "school.affiliated",
        "school.disaffiliated", "person.registered", "office.appointed", "office.left", "consortium.formed",
        "consortium.joined", "consortium.left", "event.retracted", "event.corrected",
    ]

    /// True for retractions and corrections, which act on record time rather than valid time.
    public var isCorrection: Bool {
        switch self {
        case .eventRetracted, .eventCorrected: true
        default: false
        }
    }

    /// Every entity the event names, for `carnot history ID`.
    public var entities: [EntityID] {
        switch self {
        case .instituteRegistered(let institute, _, _), .instituteRenamed(let institute, _),
             .labelGranted(let institute, _, _, _, _, _), .labelExtended(let institute, _),
             .labelWithdrawn(let institute, _):
            [institute]
        case .directorAppointed(let institute, let person): [institute, person]
        case .callOpened(let call, _, _), .callResultsAnnounced(let call, _): [call]
        case .labelRenewed(let institute, let call, _, _), .labelNotRenewed(let institute, let call, _): [institute, call]
        case .schoolRegistered(let school, _, _), .schoolRenamed(let school, _), .schoolParentChanged(let school, _): [school]
        case .schoolsMerged(let schools, let into, _, _): schools + [into]
        case .schoolAffiliated(let school, let institute, _), .schoolDisaffiliated(let school, let institute):
            [school, institute]
        case .personRegistered(let person, _, _), .officeHolderLeft(let person, _): [person]
        case .officeHolderAppointed(let person, _, let representing): [person] + (representing.map { [$0] } ?? [])
        case .consortiumFormed(let consortium, _): [consortium]
        case .consortiumJoined(let consortium, let institute, _), .consortiumLeft(let consortium, let institute):
            [consortium, institute]
        case .eventRetracted: []
        case .eventCorrected(_, _, let replacement): replacement.event.entities
        }
    }
}
