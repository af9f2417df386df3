extension DecisionValidator {
    /// The rules of each event type, against `state` (the registry on the event's effective day) and
    /// `allTime` (every registration known, for identifier uniqueness).
    func checkDomain(_ event: Event, effective day: Day, on state: RegistryState,
                     allTime: RegistryState) throws(ValidationError) {
        let rules = Rules(state: state, allTime: allTime, day: day)
        switch event {
        case .instituteRegistered(let id, _, _):
            try rules.unused(id, field: "institute")
        case .instituteRenamed(let id, let name):
            let institute = try rules.institute(id)
            try rules.differs(name, from: institute.name)
        case .directorAppointed(let id, let person):
            _ = try rules.institute(id)
            try rules.person(person, field: "person")
        case .callOpened(let id, _, let closes):
            try rules.unused(id, field: "call")
            if let closes, closes < day {
                throw ValidationError(field: "payload.closes", value: closes.description,
                                      rule: "a call closes on or after the day it opens (\(day))")
            }
        case .callResultsAnnounced(let id, let counts):
            try rules.call(id)
            try rules.consistent(counts)
            try rules.notYetAnnounced(id)
        case .labelGranted(let id, _, let call, let from, let until, _):
            _ = try rules.institute(id)
            try rules.call(call)
            try rules.term(from: from, until: until)
            try rules.noOverlap(id, from: from, until: until)
        case .labelRenewed(let id, let call, let from, let until):
            let institute = try rules.institute(id)
            try rules.call(call)
            try rules.everLabelled(institute)
            try rules.term(from: from, until: until)
            try rules.noOverlap(id, from: from, until: until)
        case .labelExtended(let id, let until):
            _ = try rules.extensible(try rules.institute(id), until: until)
        case .labelWithdrawn(let id, _):
            let institute = try rules.institute(id)
            guard institute.label(on: day) != nil else {
                throw ValidationError(field: "payload.institute", value: id.rawValue,
                                      rule: "holds no label on \(day), so there is none to withdraw")
            }
        case .labelNotRenewed(let id, let call, _):
            let institute = try rules.institute(id)
            try rules.call(call)
            try rules.everLabelled(institute)
        case .schoolRegistered(let id, _, _):
            try rules.unused(id, field: "school")
        case .schoolRenamed(let id, let name):
            let school = try rules.activeSchool(id, field: "school")
            try rules.differs(name, from: school.name)
        case .schoolParentChanged(let id, let parent):
            let school = try rules.activeSchool(id, field: "school")
            if school.parent == parent {
                throw ValidationError(field: "payload.parent", value: parent, rule: "is already the parent on \(day)")
            }
        case .schoolsMerged(let merged, let into, _, _):
            guard Set(merged).count == merged.count, merged.count >= 2 else {
                throw ValidationError(field: "payload.schools", value: merged.map(\.rawValue).joined(separator: ","),
                                      rule: "a merger names at least two different schools")
            }
            for (index, id) in merged.enumerated() {
                _ = try rules.activeSchool(id, field: "schools[\(index)]")
            }
            try rules.unused(into, field: "into")
        case .schoolAffiliated(let schoolID, let instituteID, let role):
            let school = try rules.activeSchool(schoolID, field: "school")
            _ = try rules.institute(instituteID)
            if let existing = school.affiliations[instituteID] {
                throw ValidationError(field: "payload.school", value: schoolID.rawValue,
                                      rule: "is already affiliated to \(instituteID) as \(existing.rawValue) on \(day)"
                                        + (existing == role ? "" : "; disaffiliate it first to change its role"))
            }
        case .schoolDisaffiliated(let schoolID, let instituteID):
            let school = try rules.activeSchool(schoolID, field: "school")
            guard school.affiliations[instituteID] != nil else {
                throw ValidationError(field: "payload.institute", value: instituteID.rawValue,
                                      rule: "school \(schoolID) is not affiliated to it on \(day)")
            }
        case .personRegistered(let id, _, _):
            try rules.unused(id, field: "person")
        case .officeHolderAppointed(let person, let office, let representing):
            try rules.person(person, field: "person")
            if let representing { _ = try rules.institute(representing, field: "representing") }
            try rules.vacant(office, for: person)
        case .officeHolderLeft(let person, let office):
            try rules.person(person, field: "person")
            guard state.offices.contains(where: { $0.person == person && $0.office == office }) else {
                throw ValidationError(field: "payload.person", value: person.rawValue,
                                      rule: "does not hold the office \(office.rawValue) on \(day)")
            }
        case .consortiumFormed(let id, _):
            try rules.unused(id, field: "consortium")
        case .consortiumJoined(let id, let institute, _):
            let consortium = try rules.consortium(id)
            _ = try rules.institute(institute)
            if consortium.members[institute] != nil {
                throw ValidationError(field: "payload.institute", value: institute.rawValue,
                                      rule: "is already a member of \(id) on \(day)")
            }
        case .consortiumLeft(let id, let institute):
            let consortium = try rules.consortium(id)
            guard consortium.members[institute] != nil else {
                throw ValidationError(field: "payload.institute", value: institute.rawValue,
                                      rule: "is not a member of \(id) on \(day)")
            }
        case .eventRetracted, .eventCorrected:
            return
        }
    }
}
