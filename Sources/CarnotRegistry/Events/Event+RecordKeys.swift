extension Event {
    /// The records `RegistryState.apply` changes for this event: the entity ids (and, for offices, the seat
    /// `office:NAME`) whose record is written. A fold of only the facts writing a set of keys rebuilds those
    /// keys' records exactly as a fold of the whole log does, because `apply` reads nothing else, with one
    /// exception: a merger builds the new school from the merged schools' records (`EventStore.entityStates`
    /// follows it).
    ///
    /// Retractions and corrections write nothing themselves; a correction's replacement writes its own keys.
    var recordKeys: Set<String> {
        switch self {
        case .instituteRegistered(let id, _, _), .instituteRenamed(let id, _), .directorAppointed(let id, _),
             .callOpened(let id, _, _), .callResultsAnnounced(let id, _),
             .labelGranted(let id, _, _, _, _, _), .labelRenewed(let id, _, _, _), .labelExtended(let id, _),
             .labelWithdrawn(let id, _), .labelNotRenewed(let id, _, _),
             .schoolRegistered(let id, _, _), .schoolRenamed(let id, _), .schoolParentChanged(let id, _),
             .schoolAffiliated(let id, _, _), .schoolDisaffiliated(let id, _),
             .personRegistered(let id, _, _), .consortiumFormed(let id, _),
             .consortiumJoined(let id, _, _), .consortiumLeft(let id, _):
            [id.rawValue]
        case .schoolsMerged(let schools, let into, _, _):
            Set(schools.map(\.rawValue) + [into.rawValue])
        case .officeHolderAppointed(_, let office, _), .officeHolderLeft(_, let office):
            [Self.officeKey(office)]
        case .eventRetracted, .eventCorrected:
            []
        }
    }

    /// Every key the entity index (`entity_events`) files this event under: the entities it names (what
    /// `carnot history` lists), the keys its rules read and the records it writes.
    var indexKeys: Set<String> {
        let event = if case .eventCorrected(_, _, let replacement) = self { replacement.event } else { self }
        return Set(event.entities.map(\.rawValue)).union(event.ruleKeys).union(event.recordKeys)
    }

    /// The index key of an office seat; entity ids never hold a colon, so it names no entity.
    static func officeKey(_ office: Office) -> String { "office:" + office.rawValue }
}
