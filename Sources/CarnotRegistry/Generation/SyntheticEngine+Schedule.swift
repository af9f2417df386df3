/// The scheduled part of the log: calls, registrations with their schools and directors, the decisions of
/// each wave, the 2024 extension round and the forming of consortia.
extension SyntheticEngine {
    /// The first scheduled task still valid, performed; nil when the queue runs out.
    mutating func scheduled() -> Draft? {
        while let task = tasks.popFirst() {
            if let draft = perform(task) { return draft }
        }
        return nil
    }

    private mutating func perform(_ task: SyntheticTask) -> Draft? {
        switch task {
        case .openCall(let index, let tremplin):
            let wave = SyntheticCalendar.waves[index]
            if !tremplin, wave.tremplinCall != nil { tasks.prepend([.openCall(wave: index, tremplin: true)]) }
            // A call opened late (a short log runs behind its calendar) states no closing day already past.
            let closes = wave.closes >= today ? wave.closes : nil
            return forward(tremplin
                ? .callOpened(call: wave.tremplinCall!, name: wave.tremplinName!, closes: closes)
                : .callOpened(call: wave.call, name: wave.name, closes: closes))
        case .registerInstitute(let index):
            return registerInstitute(index)
        case .registerDirector(let institute):
            guard world.people.count < plan.people else {
                return appointDirector(institute, person: random.below(world.people.count))
            }
            let person = world.people.count
            tasks.prepend([.appointDirector(institute: institute, person: person)])
            return registerPerson(anyTime: true)
        case .appointDirector(let institute, let person):
            return appointDirector(institute, person: person)
        case .registerSchool(let home, let role):
            return registerSchool(home: home, role: role)
        case .affiliate(let school, let institute, let role):
            return affiliate(school, to: institute, role: role)
        case .announce(let wave):
            return announce(wave)
        case .announceTremplin(let index, let counts):
            let call = SyntheticCalendar.waves[index].tremplinCall!
            return forward(.callResultsAnnounced(call: call, counts: counts),
                           leaf: .resultsAnnounced(call: call, counts: counts))
        case .grant(let institute, let kind, let wave, let probation):
            return grant(institute, kind: kind, wave: wave, probation: probation)
        case .renew(let institute, let wave):
            return renew(institute, wave: wave)
        case .notRenew(let institute, let index, let tremplin):
            guard !world.institutes[institute].terms.isEmpty else { return nil }
            let wave = SyntheticCalendar.waves[index]
            let reason = random.element(["evaluation below the bar", "did not apply", "research volume with companies too low"])
            return forward(.labelNotRenewed(institute: world.institutes[institute].id,
                                            call: tremplin ? wave.tremplinCall! : wave.call, reason: reason))
        case .extensionRound:
            let until = SyntheticCalendar.waves[SyntheticCalendar.extendedWave + 1].results
            let steps = world.institutes.indices.compactMap { index -> SyntheticTask? in
                guard let last = world.institutes[index].terms.last, last.wave == SyntheticCalendar.extendedWave,
                      !last.withdrawn, last.contains(today), last.until < until else { return nil }
                return .extend(institute: index, until: until)
            }
            tasks.prepend(steps)
            return nil
        case .extend(let institute, let until):
            return extend(institute, until: until)
        case .formConsortium(let index):
            return formConsortium(index)
        case .joinConsortium(let consortium, let institute, let role):
            return join(consortium, institute: institute, role: role)
        }
    }

    // MARK: Registrations

    private mutating func registerInstitute(_ index: Int) -> Draft {
        let planned = plan.institutes[index]
        let number = world.institutes.count
        let institute = SyntheticWorld.Institute(
            id: SyntheticNames.id("inst", number + 1, width: plan.widths.institute), registered: today,
            cohort: planned.cohort, firstKind: planned.firstKind,
            topic: random.below(SyntheticNames.topics.count), place: random.below(SyntheticNames.places.count))
        world.institutes.append(institute)
        var homes: [String] = []
        for _ in 0..<random.within(1...3) {
            let home = random.element(SyntheticNames.parents)
            if !homes.contains(home) { homes.append(home) }
        }
        var steps: [SyntheticTask] = [.registerDirector(institute: number)]
        let schools = random.weighted([20, 65, 15]) + 1
        for _ in 0..<schools {
            let role: AffiliationRole = random.chance(0.8) ? .member : .subsidiary
            if random.chance(0.15), let shared = randomActiveSchool() {
                steps.append(.affiliate(school: shared, institute: number, role: .strategicPartner))
            } else {
                steps.append(.registerSchool(home: number, role: role))
            }
        }
        tasks.prepend(steps)
        return forward(.instituteRegistered(institute: institute.id, name: institute.name, homeInstitutions: homes))
    }

    private mutating func registerSchool(home: Int, role: AffiliationRole) -> Draft? {
        guard world.schools.count < plan.schools - plan.mergers else {
            guard let shared = randomActiveSchool() else { return nil }
            return affiliate(shared, to: home, role: role)
        }
        let number = world.schools.count
        var candidates = [home]
        for _ in 0..<2 {
            let other = random.below(world.institutes.count)
            if !candidates.contains(other) { candidates.append(other) }
        }
        let school = SyntheticWorld.School(
            id: SyntheticNames.id("school", number + 1, width: plan.widths.school), registered: today,
            stem: random.below(SyntheticNames.schoolStems.count), topic: world.institutes[home].topic,
            place: random.chance(0.7) ? world.institutes[home].place : random.below(SyntheticNames.places.count),
            parent: random.chance(0.85) ? random.below(SyntheticNames.parents.count) : nil, candidates: candidates)
        world.schools.append(school)
        tasks.prepend([.affiliate(school: number, institute: home, role: role)])
        return forward(.schoolRegistered(school: school.id, name: school.name,
                                         parent: school.parent.map { SyntheticNames.parents[$0] }))
    }

    /// A person registered now (within the people budget, and its pace unless `anyTime`).
    mutating func registerPerson(anyTime: Bool) -> Draft? {
        let count = world.people.count
        guard count < plan.people else { return nil }
        guard anyTime || Double(count) < Double(plan.people) * min(1, 0.15 + SyntheticCalendar.progress(today)) else {
            return nil
        }
        let given = random.below(SyntheticNames.givenNames.count), family = random.below(SyntheticNames.familyNames.count)
        let person = SyntheticWorld.Person(id: SyntheticNames.id("person", count + 1, width: plan.widths.person),
                                           registered: today)
        world.people.append(person)
        let name = SyntheticNames.person(given: given, family: family)
        let aliases = random.chance(0.05)
            ? ["\(SyntheticNames.givenNames[given].prefix(1)). \(SyntheticNames.familyNames[family])"] : []
        return forward(.personRegistered(person: person.id, name: name, alsoKnownAs: aliases))
    }

    mutating func appointDirector(_ institute: Int, person: Int) -> Draft {
        forward(.directorAppointed(institute: world.institutes[institute].id, person: world.people[person].id),
                leaf: .directorAppointed(institute: institute))
    }

    mutating func affiliate(_ school: Int, to institute: Int, role: AffiliationRole) -> Draft? {
        guard world.schools[school].isActive, world.schools[school].affiliation(to: institute) == nil else { return nil }
        world.schools[school].affiliations.append(.init(institute: institute, role: role))
        return forward(.schoolAffiliated(school: world.schools[school].id, institute: world.institutes[institute].id,
                                         role: role))
    }

    /// An active school drawn at random (a few tries: merged schools are a small share).
    mutating func randomActiveSchool() -> Int? {
        guard !world.schools.isEmpty else { return nil }
        for _ in 0..<6 {
            let school = random.below(world.schools.count)
            if world.schools[school].isActive { return school }
        }
        return nil
    }

    // MARK: Waves

    /// Decides a wave on the day its results are performed: who is renewed, who is not, who is labelled for
    /// the first time; announces the counts and schedules the decisions right after.
    private mutating func announce(_ index: Int) -> Draft {
        let wave = SyntheticCalendar.waves[index]
        var steps: [SyntheticTask] = []
        var renewed = 0, new = 0, notRenewed = 0, probation = 0
        var tremplins = 0, tremplinsNotRenewed = 0
        for (number, institute) in world.institutes.enumerated() {
            guard let last = institute.terms.last else {
                guard institute.cohort == index else { continue }
                let onProbation = institute.firstKind == .carnot && index >= 2 && random.chance(0.12)
                steps.append(.grant(institute: number, kind: institute.firstKind, wave: index, probation: onProbation))
                if institute.firstKind == .carnot { new += 1 } else { tremplins += 1 }
                if onProbation { probation += 1 }
                continue
            }
            guard wave.renews else { continue }
            let holding = !last.withdrawn && last.from <= wave.results && last.until >= wave.results.adding(days: -60)
            switch (holding, last.kind) {
            case (true, .carnot):
                if random.chance(0.88) {
                    steps.append(.renew(institute: number, wave: index))
                    renewed += 1
                } else {
                    steps.append(.notRenew(institute: number, wave: index, tremplin: false))
                    notRenewed += 1
                }
            case (true, .tremplin):
                let draw = random.unit()
                if draw < 0.4 {
                    steps.append(.grant(institute: number, kind: .carnot, wave: index, probation: false))
                    new += 1
                } else if draw < 0.7, wave.tremplinCall != nil {
                    steps.append(.renew(institute: number, wave: index))
                    tremplins += 1
                } else if wave.tremplinCall != nil {
                    steps.append(.notRenew(institute: number, wave: index, tremplin: true))
                    tremplinsNotRenewed += 1
                }
            case (false, _):
                if random.chance(0.3) {
                    steps.append(.grant(institute: number, kind: .carnot, wave: index, probation: false))
                    new += 1
                }
            }
        }
        if wave.tremplinCall != nil {
            let counts = CallCounts(labelled: 0, notRenewed: tremplinsNotRenewed, tremplins: tremplins)
            steps.insert(.announceTremplin(wave: index, counts: counts), at: 0)
        }
        tasks.prepend(steps)
        let counts = wave.renews
            ? CallCounts(labelled: renewed + new, renewed: renewed, new: new, notRenewed: notRenewed, probation: probation)
            : CallCounts(labelled: new, new: new)
        return forward(.callResultsAnnounced(call: wave.call, counts: counts),
                       leaf: .resultsAnnounced(call: wave.call, counts: counts))
    }

    /// A first label, a regrant, or a Tremplin promoted to the full label: the term runs from today (or from
    /// the end of a term still running) to the end of the wave's terms.
    private mutating func grant(_ institute: Int, kind: LabelKind, wave index: Int, probation: Bool) -> Draft? {
        let wave = SyntheticCalendar.waves[index]
        if let held = world.institutes[institute].held(on: today), world.institutes[institute].terms[held].kind == kind {
            return nil
        }
        // One term at a time: a promoted Tremplin whose term was extended past today is followed, not overlapped.
        let from = max(today, world.institutes[institute].terms.last?.until ?? today)
        let until = max(wave.termEnd, from.adding(days: 365))
        world.institutes[institute].terms.append(.init(kind: kind, wave: index, from: from, until: until))
        let call = kind == .tremplin ? wave.tremplinCall ?? wave.call : wave.call
        return forward(.labelGranted(institute: world.institutes[institute].id, kind: kind, call: call, from: from,
                                     until: until, probation: probation))
    }

    /// A new term of the same kind, from the day the last one ends, so that the label is held without a gap.
    private mutating func renew(_ institute: Int, wave index: Int) -> Draft? {
        guard let last = world.institutes[institute].terms.last else { return nil }
        let wave = SyntheticCalendar.waves[index]
        let from = last.until
        let until = max(wave.termEnd, from.adding(days: 365))
        world.institutes[institute].terms.append(.init(kind: last.kind, wave: index, from: from, until: until))
        let call = last.kind == .tremplin ? wave.tremplinCall ?? wave.call : wave.call
        return forward(.labelRenewed(institute: world.institutes[institute].id, call: call, from: from, until: until))
    }

    /// Extends the last term, provided it is the one held today and `until` is later than its end.
    mutating func extend(_ institute: Int, until: Day) -> Draft? {
        guard let last = world.institutes[institute].terms.indices.last else { return nil }
        let term = world.institutes[institute].terms[last]
        guard !term.withdrawn, term.contains(today), until > term.until else { return nil }
        world.institutes[institute].terms[last].until = until
        world.institutes[institute].terms[last].extended = true
        return forward(.labelExtended(institute: world.institutes[institute].id, until: until))
    }

    // MARK: Consortia

    private mutating func formConsortium(_ index: Int) -> Draft? {
        guard !world.institutes.isEmpty else { return nil }
        let number = world.consortia.count
        let consortium = SyntheticWorld.Consortium(
            id: SyntheticNames.id("cons", number + 1, width: plan.widths.consortium), formed: today)
        world.consortia.append(consortium)
        var chosen: [Int] = []
        for _ in 0..<random.within(3...5) {
            let institute = random.below(world.institutes.count)
            if !chosen.contains(institute) { chosen.append(institute) }
        }
        tasks.prepend(chosen.enumerated().map { position, institute in
            .joinConsortium(consortium: number, institute: institute, role: position == 0 ? .coordinator : .member)
        })
        let name = SyntheticNames.consortium(topic: random.below(SyntheticNames.topics.count), index: number)
        return forward(.consortiumFormed(consortium: consortium.id, name: name))
    }

    mutating func join(_ consortium: Int, institute: Int, role: ConsortiumRole) -> Draft? {
        guard !world.consortia[consortium].members.contains(institute) else { return nil }
        world.consortia[consortium].members.append(institute)
        return forward(.consortiumJoined(consortium: world.consortia[consortium].id,
                                         institute: world.institutes[institute].id, role: role))
    }
}
