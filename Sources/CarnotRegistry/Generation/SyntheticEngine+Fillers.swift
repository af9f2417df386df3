/// The day-to-day life of the network between the scheduled events: most of a long log.
extension SyntheticEngine {
    private enum Filler: CaseIterable {
        case renameInstitute, renameSchool, changeParent, toggleAffiliation, changeOffice, appointDirector
        case toggleConsortium, registerPerson, mergeSchools, extendLabel, withdrawLabel

        /// Relative weights; the kinds with a budget (people, mergers, extensions, withdrawals) are tried
        /// often but mostly find it spent.
        var weight: Int {
            switch self {
            case .renameInstitute: 12
            case .renameSchool: 12
            case .changeParent: 6
            case .toggleAffiliation: 22
            case .changeOffice: 14
            case .appointDirector: 8
            case .toggleConsortium: 14
            case .registerPerson: 4
            case .mergeSchools: 1
            case .extendLabel: 2
            case .withdrawLabel: 1
            }
        }
    }

    private static let fillerWeights = Filler.allCases.map(\.weight)

    /// A filler event valid today, or nil when a few draws found none.
    mutating func filler() -> Draft? {
        for _ in 0..<8 {
            let draft: Draft? = switch Filler.allCases[random.weighted(Self.fillerWeights)] {
            case .renameInstitute: renameInstitute()
            case .renameSchool: renameSchool()
            case .changeParent: changeParent()
            case .toggleAffiliation: toggleAffiliation()
            case .changeOffice: changeOffice()
            case .appointDirector: newDirector()
            case .toggleConsortium: toggleConsortium()
            case .registerPerson: registerPerson(anyTime: false)
            case .mergeSchools: mergeSchools()
            case .extendLabel: extendLabel()
            case .withdrawLabel: withdrawLabel()
            }
            if let draft { return draft }
        }
        return nil
    }

    mutating func renameInstitute() -> Draft? {
        guard !world.institutes.isEmpty else { return nil }
        let institute = random.below(world.institutes.count)
        world.institutes[institute].generation += 1
        return forward(.instituteRenamed(institute: world.institutes[institute].id, name: world.institutes[institute].name),
                       leaf: .instituteRenamed(institute: institute))
    }

    private mutating func renameSchool() -> Draft? {
        guard let school = randomActiveSchool() else { return nil }
        world.schools[school].generation += 1
        return forward(.schoolRenamed(school: world.schools[school].id, name: world.schools[school].name),
                       leaf: .schoolRenamed(school: school))
    }

    private mutating func changeParent() -> Draft? {
        guard let school = randomActiveSchool() else { return nil }
        var parent = random.below(SyntheticNames.parents.count)
        if parent == world.schools[school].parent { parent = (parent + 1) % SyntheticNames.parents.count }
        world.schools[school].parent = parent
        return forward(.schoolParentChanged(school: world.schools[school].id, parent: SyntheticNames.parents[parent]))
    }

    /// Affiliates a school to one of its candidate institutes, or ends one of its affiliations.
    private mutating func toggleAffiliation() -> Draft? {
        guard let school = randomActiveSchool() else { return nil }
        let record = world.schools[school]
        let open = record.candidates.filter { record.affiliation(to: $0) == nil }
        if !record.affiliations.isEmpty, open.isEmpty || random.chance(0.5) {
            let ended = random.below(record.affiliations.count)
            let institute = record.affiliations[ended].institute
            world.schools[school].affiliations.remove(at: ended)
            return forward(.schoolDisaffiliated(school: record.id, institute: world.institutes[institute].id))
        }
        guard !open.isEmpty else { return nil }
        let role = [AffiliationRole.member, .subsidiary, .strategicPartner][random.weighted([70, 15, 15])]
        return affiliate(school, to: random.element(open), role: role)
    }

    /// An officer of the association appointed or leaving; single seats are left before they are filled.
    private mutating func changeOffice() -> Draft? {
        guard !world.people.isEmpty else { return nil }
        let index = random.weighted([8, 10, 8, 8, 6, 6, 8, 30, 15])
        let office = SyntheticWorld.offices[index]
        let holders = world.holders[index]
        let leaving = holders.count >= SyntheticWorld.seats[index] || (!holders.isEmpty && random.chance(0.5))
        if leaving {
            let position = random.below(holders.count)
            let person = holders[position]
            world.holders[index].remove(at: position)
            world.people[person].offices &= ~(1 << UInt16(index))
            return forward(.officeHolderLeft(person: world.people[person].id, office: office))
        }
        var chosen: Int?
        for _ in 0..<6 {
            let person = random.below(world.people.count)
            if world.people[person].offices & (1 << UInt16(index)) == 0 {
                chosen = person
                if world.people[person].offices == 0 { break }
            }
        }
        guard let person = chosen else { return nil }
        world.holders[index].append(person)
        world.people[person].offices |= 1 << UInt16(index)
        let representing = !world.institutes.isEmpty && random.chance(0.6)
            ? world.institutes[random.below(world.institutes.count)].id : nil
        return forward(.officeHolderAppointed(person: world.people[person].id, office: office, representing: representing))
    }

    /// A new director: often a newcomer, registered first, else someone already known.
    private mutating func newDirector() -> Draft? {
        guard !world.institutes.isEmpty else { return nil }
        let institute = random.below(world.institutes.count)
        if random.chance(0.35), let registration = registerPerson(anyTime: false) {
            tasks.prepend([.appointDirector(institute: institute, person: world.people.count - 1)])
            return registration
        }
        guard !world.people.isEmpty else { return nil }
        return appointDirector(institute, person: random.below(world.people.count))
    }

    private mutating func toggleConsortium() -> Draft? {
        guard !world.consortia.isEmpty, !world.institutes.isEmpty else { return nil }
        let consortium = random.below(world.consortia.count)
        let members = world.consortia[consortium].members
        var institute = random.below(world.institutes.count)
        if !members.contains(institute), members.count < 15 {
            return join(consortium, institute: institute, role: .member)
        }
        if !members.contains(institute) { institute = random.element(members) }
        world.consortia[consortium].members.removeAll { $0 == institute }
        return forward(.consortiumLeft(consortium: world.consortia[consortium].id, institute: world.institutes[institute].id))
    }

    /// Two or three active schools merged into a new one, which inherits their affiliations; the merged
    /// schools are never named again. Within the mergers budget, at its pace.
    private mutating func mergeSchools() -> Draft? {
        guard Double(world.mergers) < Double(plan.mergers) * SyntheticCalendar.progress(today),
              world.schools.count < plan.schools, let first = randomActiveSchool() else { return nil }
        var merged = [first]
        for _ in 0..<(random.chance(0.2) ? 2 : 1) {
            var partner: Int?
            for _ in 0..<20 {
                guard let candidate = randomActiveSchool(), !merged.contains(candidate) else { continue }
                partner = candidate
                if world.schools[candidate].parent == world.schools[first].parent { break }
            }
            if let partner { merged.append(partner) }
        }
        guard merged.count >= 2 else { return nil }
        var affiliations: [SyntheticWorld.Affiliation] = []
        var candidates: [Int] = []
        for school in merged {
            for affiliation in world.schools[school].affiliations
            where !affiliations.contains(where: { $0.institute == affiliation.institute }) {
                affiliations.append(affiliation)
            }
            for candidate in world.schools[school].candidates where !candidates.contains(candidate) {
                candidates.append(candidate)
            }
            world.schools[school].isActive = false
            world.schools[school].affiliations = []
        }
        let number = world.schools.count
        var school = SyntheticWorld.School(
            id: SyntheticNames.id("school", number + 1, width: plan.widths.school), registered: today,
            stem: random.below(SyntheticNames.schoolStems.count), topic: world.schools[first].topic,
            place: world.schools[first].place, parent: world.schools[first].parent,
            candidates: Array(candidates.prefix(3)))
        school.affiliations = affiliations
        world.schools.append(school)
        world.mergers += 1
        return forward(.schoolsMerged(schools: merged.map { world.schools[$0].id }, into: school.id, name: school.name,
                                      parent: school.parent.map { SyntheticNames.parents[$0] }))
    }

    /// Extends a term held today that ends within the year, once per term, by one to six months.
    private mutating func extendLabel() -> Draft? {
        guard !world.institutes.isEmpty else { return nil }
        let institute = random.below(world.institutes.count)
        guard let term = world.institutes[institute].terms.last, !term.extended, term.contains(today),
              term.until.ordinal - today.ordinal <= 365 else { return nil }
        return extend(institute, until: term.until.adding(days: random.within(30...180)))
    }

    /// Withdraws the label held today, within the withdrawals budget, at its pace.
    private mutating func withdrawLabel() -> Draft? {
        guard Double(world.withdrawals) < Double(plan.withdrawals) * SyntheticCalendar.progress(today),
              !world.institutes.isEmpty else { return nil }
        let institute = random.below(world.institutes.count)
        guard let held = world.institutes[institute].held(on: today) else { return nil }
        world.institutes[institute].terms[held].until = today
        world.institutes[institute].terms[held].withdrawn = true
        world.withdrawals += 1
        let reason = random.element(["the institute was dissolved", "the charter was not respected",
                                     "its home institutions asked to leave the network"])
        return forward(.labelWithdrawn(institute: world.institutes[institute].id, reason: reason))
    }
}
