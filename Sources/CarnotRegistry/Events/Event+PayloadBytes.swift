extension Event {
    /// Writes `payloadJSON(version:)` in canonical form without building it: the members of each type in
    /// ascending byte order, absent optionals left out, as `payloadJSON` leaves them out.
    func writePayload(version: Int, to writer: inout CanonicalWriter) {
        writer.beginObject()
        switch self {
        case .instituteRegistered(let institute, let name, let homes):
            writer.key("homeInstitutions"); writer.strings(homes)
            writer.key("institute"); writer.id(institute)
            writer.key("name"); writer.string(name)
        case .instituteRenamed(let institute, let name):
            writer.key("institute"); writer.id(institute)
            writer.key("name"); writer.string(name)
        case .directorAppointed(let institute, let person):
            writer.key("institute"); writer.id(institute)
            writer.key("person"); writer.id(person)
        case .callOpened(let call, let name, let closes):
            writer.key("call"); writer.id(call)
            if let closes { writer.key("closes"); writer.day(closes) }
            writer.key("name"); writer.string(name)
        case .callResultsAnnounced(let call, let counts):
            writer.key("call"); writer.id(call)
            writer.key("labelled"); writer.integer(Int64(counts.labelled))
            if let new = counts.new { writer.key("new"); writer.integer(Int64(new)) }
            if let notRenewed = counts.notRenewed { writer.key("notRenewed"); writer.integer(Int64(notRenewed)) }
            if let probation = counts.probation { writer.key("probation"); writer.integer(Int64(probation)) }
            if let renewed = counts.renewed { writer.key("renewed"); writer.integer(Int64(renewed)) }
            if let tremplins = counts.tremplins { writer.key("tremplins"); writer.integer(Int64(tremplins)) }
        case .labelGranted(let institute, let kind, let call, let from, let until, let probation):
            writer.key("call"); writer.id(call)
            writer.key("from"); writer.day(from)
            writer.key("institute"); writer.id(institute)
            writer.key("kind"); writer.plain(kind.rawValue)
            writer.key("probation"); writer.bool(probation)
            writer.key("until"); writer.day(until)
        case .labelRenewed(let institute, let call, let from, let until):
            writer.key("call"); writer.id(call)
            writer.key("from"); writer.day(from)
            writer.key("institute"); writer.id(institute)
            writer.key("until"); writer.day(until)
        case .labelExtended(let institute, let until):
            writer.key("institute"); writer.id(institute)
            writer.key("until"); writer.day(until)
        case .labelWithdrawn(let institute, let reason):
            writer.key("institute"); writer.id(institute)
            writer.key("reason"); writer.string(reason)
        case .labelNotRenewed(let institute, let call, let reason):
            writer.key("call"); writer.id(call)
            writer.key("institute"); writer.id(institute)
            if let reason { writer.key("reason"); writer.string(reason) }
        case .schoolRegistered(let school, let name, let parent):
            writer.key("name"); writer.string(name)
            if let parent { writer.key("parent"); writer.string(parent) }
            writer.key("school"); writer.id(school)
        case .schoolRenamed(let school, let name):
            writer.key("name"); writer.string(name)
            writer.key("school"); writer.id(school)
        case .schoolParentChanged(let school, let parent):
            writer.key("parent"); writer.string(parent)
            writer.key("school"); writer.id(school)
        case .schoolsMerged(let schools, let into, let name, let parent):
            writer.key("into"); writer.id(into)
            writer.key("name"); writer.string(name)
            if let parent { writer.key("parent"); writer.string(parent) }
            writer.key("schools"); writer.beginArray()
            for school in schools { writer.id(school) }
            writer.endArray()
        case .schoolAffiliated(let school, let institute, let role):
            writer.key("institute"); writer.id(institute)
            writer.key("role"); writer.plain(role.rawValue)
            writer.key("school"); writer.id(school)
        case .schoolDisaffiliated(let school, let institute):
            writer.key("institute"); writer.id(institute)
            writer.key("school"); writer.id(school)
        case .personRegistered(let person, let name, let aliases):
            if version >= 2 { writer.key("alsoKnownAs"); writer.strings(aliases) }
            writer.key("name"); writer.string(name)
            writer.key("person"); writer.id(person)
        case .officeHolderAppointed(let person, let office, let representing):
            writer.key("office"); writer.plain(office.rawValue)
            writer.key("person"); writer.id(person)
            if let representing { writer.key("representing"); writer.id(representing) }
        case .officeHolderLeft(let person, let office):
            writer.key("office"); writer.plain(office.rawValue)
            writer.key("person"); writer.id(person)
        case .consortiumFormed(let consortium, let name):
            writer.key("consortium"); writer.id(consortium)
            writer.key("name"); writer.string(name)
        case .consortiumJoined(let consortium, let institute, let role):
            writer.key("consortium"); writer.id(consortium)
            writer.key("institute"); writer.id(institute)
            writer.key("role"); writer.plain(role.rawValue)
        case .consortiumLeft(let consortium, let institute):
            writer.key("consortium"); writer.id(consortium)
            writer.key("institute"); writer.id(institute)
        case .eventRetracted(let target, let reason):
            writer.key("reason"); writer.string(reason)
            writer.key("target"); writer.integer(target)
        case .eventCorrected(let target, let reason, let replacement):
            writer.key("reason"); writer.string(reason)
            writer.key("replacement"); writer.beginObject()
            writer.key("effective"); writer.day(replacement.effective)
            writer.key("payload"); replacement.event.writePayload(version: replacement.schema, to: &writer)
            writer.key("precision"); writer.plain(replacement.precision.rawValue)
            // Written only past version 1, so corrections recorded before versions existed keep their bytes.
            if replacement.schema != 1 { writer.key("schema"); writer.integer(Int64(replacement.schema)) }
            writer.key("type"); writer.plain(replacement.event.typeName)
            writer.endObject()
            writer.key("target"); writer.integer(target)
        }
        writer.endObject()
    }
}

extension CanonicalWriter {
    /// An entity id: its characters (lower-case letters, digits, `-`, `.`, `_`) need no escaping.
    mutating func id(_ id: EntityID) { plain(id.rawValue) }
}
