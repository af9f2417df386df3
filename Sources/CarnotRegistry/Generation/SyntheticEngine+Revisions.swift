/// Events that revise the record: decisions recorded late (back-dated), corrections and retractions.
///
/// Each is valid whatever was written after the day it names: a back-dated event renames an entity
/// registered by then (to a name it never bore) or appoints a director both registered by then; a correction
/// or retraction aims at a recent leaf event, which nothing later depends on, and a replacement holds on its
/// own day without the original.
extension SyntheticEngine {
    /// An event effective 1 to 30 days before the latest effective day written, nil when nothing was
    /// registered early enough.
    mutating func backDatedEvent() -> Draft? {
        guard let latest = latestEffective else { return nil }
        var day = latest.adding(days: -random.within(1...30))
        var precision = DatePrecision.day
        if random.chance(0.2) {
            let (year, month, _) = day.components
            let firstOfMonth = SyntheticCalendar.day(year, month, 1)
            if latest.ordinal - firstOfMonth.ordinal <= 30 {
                day = firstOfMonth
                precision = .month
            }
        }
        let institutes = world.institutes(registeredBy: day)
        guard institutes > 0 else { return nil }
        let draw = random.unit()
        var event: Event?
        var leaf: SyntheticRevisionWindow.Leaf.Kind?
        if draw < 0.35, world.schools(registeredBy: day) > 0 {
            let school = random.below(world.schools(registeredBy: day))
            // A school still active now was active on every day since its registration (mergers are never
            // back-dated).
            if world.schools[school].isActive {
                world.schools[school].generation += 1
                event = .schoolRenamed(school: world.schools[school].id, name: world.schools[school].name)
                leaf = .schoolRenamed(school: school)
            }
        } else if draw < 0.55, world.people(registeredBy: day) > 0 {
            let institute = random.below(institutes)
            event = .directorAppointed(institute: world.institutes[institute].id,
                                       person: world.people[random.below(world.people(registeredBy: day))].id)
            leaf = .directorAppointed(institute: institute)
        }
        if event == nil {
            let institute = random.below(institutes)
            world.institutes[institute].generation += 1
            event = .instituteRenamed(institute: world.institutes[institute].id, name: world.institutes[institute].name)
            leaf = .instituteRenamed(institute: institute)
        }
        let late = latest.ordinal - day.ordinal
        return Draft(event: event!, effective: day, precision: precision,
                     confidence: random.chance(0.3) ? .probable : .confirmed,
                     note: "decided on \(day.formatted(precision)), recorded \(late) day\(late == 1 ? "" : "s") later",
                     leaf: leaf)
    }

    /// An `event.corrected` replacing a recent leaf event with what the source really said: another name,
    /// another director, other counts, sometimes a few days earlier.
    mutating func correction() -> Draft? {
        let schools = world.schools
        guard let leaf = window.take(before: seq, random: &random, where: { leaf in
            if case .schoolRenamed(let school) = leaf.kind { return schools[school].isActive }
            return true
        }) else { return nil }
        let replacement: Correction
        let reason: String
        switch leaf.kind {
        case .instituteRenamed(let institute):
            let (day, precision) = correctedDay(of: leaf, notBefore: world.institutes[institute].registered)
            world.institutes[institute].generation += 1
            replacement = Correction(event: .instituteRenamed(institute: world.institutes[institute].id,
                                                              name: world.institutes[institute].name),
                                     effective: day, precision: precision)
            reason = day == leaf.effective ? "the name was misspelled" : "the name and the date were misread"
        case .schoolRenamed(let school):
            let (day, precision) = correctedDay(of: leaf, notBefore: world.schools[school].registered)
            world.schools[school].generation += 1
            replacement = Correction(event: .schoolRenamed(school: world.schools[school].id, name: world.schools[school].name),
                                     effective: day, precision: precision)
            reason = "the decree gives another name"
        case .directorAppointed(let institute):
            var (day, precision) = correctedDay(of: leaf, notBefore: world.institutes[institute].registered)
            if world.people(registeredBy: day) == 0 { (day, precision) = (leaf.effective, leaf.precision) }
            let person = world.people[random.below(world.people(registeredBy: day))]
            replacement = Correction(event: .directorAppointed(institute: world.institutes[institute].id, person: person.id),
                                     effective: day, precision: precision)
            reason = "the source names another director"
        case .resultsAnnounced(let call, var counts):
            if counts.renewed != nil, counts.new != nil {
                counts.notRenewed = (counts.notRenewed ?? 0) + 1
            } else {
                counts.tremplins = (counts.tremplins ?? 0) + 1
            }
            replacement = Correction(event: .callResultsAnnounced(call: call, counts: counts), effective: leaf.effective,
                                     precision: leaf.precision)
            reason = "the published counts were revised"
        }
        return Draft(event: .eventCorrected(target: leaf.seq, reason: reason, replacement: replacement),
                     effective: today, precision: .day)
    }

    /// An `event.retracted` taking back a recent leaf event recorded in error.
    mutating func retraction() -> Draft? {
        guard let leaf = window.take(before: seq, random: &random) else { return nil }
        let reason = random.element(["recorded twice", "the source was misread", "the decision was never published",
                                     "entered on the wrong institute"])
        return Draft(event: .eventRetracted(target: leaf.seq, reason: reason), effective: today, precision: .day)
    }

    /// The corrected effective day: the original one (half the time), else one to five days earlier, never
    /// before `notBefore`.
    private mutating func correctedDay(of leaf: SyntheticRevisionWindow.Leaf, notBefore: Day) -> (Day, DatePrecision) {
        guard random.chance(0.5) else { return (leaf.effective, leaf.precision) }
        let day = max(notBefore, leaf.effective.adding(days: -random.within(1...5)))
        return day == leaf.effective ? (leaf.effective, leaf.precision) : (day, .day)
    }
}
