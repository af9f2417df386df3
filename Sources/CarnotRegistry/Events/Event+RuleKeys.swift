extension Event {
    /// What the rules of this event read or change: the ids it names and, for offices, the seat.
    ///
    /// Two events sharing no key cannot change whether the other one is valid: every rule reads the
    /// entities its event names (and a single-seat office reads its seat). So a retraction or correction
    /// need only re-check the later events that share a key with it.
    var ruleKeys: Set<String> {
        var keys: Set<String> = []
        func add(_ ids: EntityID?...) { for id in ids { if let id { keys.insert(id.rawValue) } } }
        switch self {
        case .instituteRegistered(let id, _, _), .instituteRenamed(let id, _): add(id)
        case .directorAppointed(let id, let person): add(id, person)
        case .callOpened(let id, _, _), .callResultsAnnounced(let id, _): add(id)
        case .labelGranted(let id, _, let call, _, _, _), .labelRenewed(let id, let call, _, _),
             .labelNotRenewed(let id, let call, _):
            add(id, call)
        case .labelExtended(let id, _), .labelWithdrawn(let id, _): add(id)
        case .schoolRegistered(let id, _, _), .schoolRenamed(let id, _), .schoolParentChanged(let id, _): add(id)
        case .schoolsMerged(let schools, let into, _, _):
            for school in schools { add(school) }
            add(into)
        case .schoolAffiliated(let school, let institute, _), .schoolDisaffiliated(let school, let institute):
            add(school, institute)
        case .personRegistered(let id, _, _): add(id)
        case .officeHolderAppointed(let person, let office, let representing):
            add(person, representing)
            keys.insert(Self.officeKey(office))
        case .officeHolderLeft(let person, let office):
            add(person)
            keys.insert(Self.officeKey(office))
        case .consortiumFormed(let id, _): add(id)
        case .consortiumJoined(let id, let institute, _), .consortiumLeft(let id, let institute): add(id, institute)
        case .eventRetracted, .eventCorrected: break
        }
        return keys
    }

    /// True for events whose rules read the whole log rather than one day (id uniqueness, label terms).
    var readsAllTime: Bool {
        switch self {
        case .instituteRegistered, .callOpened, .callResultsAnnounced, .labelGranted, .labelRenewed, .labelExtended,
             .schoolRegistered, .schoolsMerged, .personRegistered, .consortiumFormed:
            true
        default: false
        }
    }

    /// True for events whose rules read records of all time beyond whether an id exists: an institute's
    /// label terms (`Rules.noOverlap`) and whether a call's results were announced (`Rules.notYetAnnounced`).
    var readsAllTimeRecords: Bool {
        switch self {
        case .callResultsAnnounced, .labelGranted, .labelRenewed, .labelExtended: true
        default: false
        }
    }
}
