extension RegistryState {
    /// Applies one event taking effect on `day` (known to `precision`).
    ///
    /// Total and pure: no throws, no I/O, no clock. An event naming an entity the state does not hold (which
    /// only a retraction can cause, since appends are validated) changes nothing. Corrections are not applied
    /// here: `Timeline` resolves them before the fold.
    ///
    /// A record is changed where it lies (`Dictionary.update`), not taken out of its dictionary and put back
    /// as `dictionary[id]?.field = value` does: the fold of a replay spent a large part of its time moving
    /// records out and in again.
    public mutating func apply(_ event: Event, on day: Day, precision: DatePrecision = .day) {
        switch event {
        case .instituteRegistered(let id, let name, let homes):
            institutes[id] = InstituteRecord(id: id, name: name, homeInstitutions: homes, registered: day)
        case .instituteRenamed(let id, let name):
            institutes.update(id) { $0.name = name }
        case .directorAppointed(let id, let person):
            institutes.update(id) { $0.director = person }
        case .callOpened(let id, let name, let closes):
            calls[id] = CallRecord(id: id, name: name, opened: day, closes: closes)
        case .callResultsAnnounced(let id, let counts):
            calls.update(id) { call in
                call.results = counts
                call.announced = PartialDate(day: day, precision: precision)
            }
        case .labelGranted(let id, let kind, let call, let from, let until, let probation):
            institutes.update(id) { $0.terms.append(LabelTerm(kind: kind, call: call, from: from, until: until, probation: probation)) }
        case .labelRenewed(let id, let call, let from, let until):
            institutes.update(id) { institute in
                guard let kind = institute.terms.last?.kind else { return }
                institute.terms.append(LabelTerm(kind: kind, call: call, from: from, until: until, probation: false, renewal: true))
            }
        case .labelExtended(let id, let until):
            institutes.update(id) { institute in
                guard let last = institute.terms.indices.last else { return }
                institute.terms[last].until = until
            }
        case .labelWithdrawn(let id, let reason):
            institutes.update(id) { institute in
                guard let index = institute.terms.lastIndex(where: { $0.contains(day) }) else { return }
                institute.terms[index].until = day
                institute.terms[index].withdrawal = reason
            }
        case .labelNotRenewed(let id, let call, _):
            institutes.update(id) { $0.notRenewedIn.append(call) }
        case .schoolRegistered(let id, let name, let parent):
            schools[id] = SchoolRecord(id: id, name: name, parent: parent, registered: day)
        case .schoolRenamed(let id, let name):
            schools.update(id) { $0.name = name }
        case .schoolParentChanged(let id, let parent):
            schools.update(id) { $0.parent = parent }
        case .schoolsMerged(let merged, let into, let name, let parent):
            applyMerger(merged, into: into, name: name, parent: parent, on: day)
        case .schoolAffiliated(let school, let institute, let role):
            schools.update(school) { $0.affiliations[institute] = role }
        case .schoolDisaffiliated(let school, let institute):
            schools.update(school) { $0.affiliations[institute] = nil }
        case .personRegistered(let id, let name, let aliases):
            people[id] = PersonRecord(id: id, name: name, alsoKnownAs: aliases)
        case .officeHolderAppointed(let person, let office, let representing):
            // At the end of its office's group (`offices` is grouped by office).
            offices.insert(OfficeHolding(office: office, person: person, representing: representing,
                                         since: day, sincePrecision: precision), at: officeGroupEnd(office))
        case .officeHolderLeft(let person, let office):
            offices.removeAll { $0.person == person && $0.office == office }
        case .consortiumFormed(let id, let name):
            consortia[id] = ConsortiumRecord(id: id, name: name, formed: day)
        case .consortiumJoined(let id, let institute, let role):
            consortia.update(id) { $0.members[institute] = role }
        case .consortiumLeft(let id, let institute):
            consortia.update(id) { $0.members[institute] = nil }
        case .eventRetracted, .eventCorrected:
            return
        }
    }

    /// The new school inherits every affiliation of the schools it is formed from (a role already held
    /// through an earlier school in the list is kept), and they pass out of existence on the same day.
    private mutating func applyMerger(_ merged: [EntityID], into: EntityID, name: String, parent: String?, on day: Day) {
        var school = schools[into] ?? SchoolRecord(id: into, name: name, parent: parent, registered: day)
        school.name = name
        school.parent = parent ?? school.parent
        for id in merged {
            guard var old = schools[id] else { continue }
            for (institute, role) in old.affiliations where school.affiliations[institute] == nil {
                school.affiliations[institute] = role
            }
            old.affiliations = [:]
            old.mergedInto = into
            schools[id] = old
        }
        school.mergedFrom = merged
        schools[into] = school
    }
}
