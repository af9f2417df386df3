/// The world a synthetic log is about, decided before the first event: how many entities of each kind, the
/// wave that first labels each institute, and the dated milestones (calls, registrations, results,
/// consortia) that drive the scheduled part of the log.
struct SyntheticPlan {
    /// An institute to register: the wave that first labels it and the kind of that first label.
    struct Institute {
        let cohort: Int?
        let firstKind: LabelKind
    }

    struct Milestone {
        enum Kind {
            case openCall(wave: Int)
            case registerInstitute(plan: Int)
            case announce(wave: Int)
            case extensionRound
            case formConsortium(index: Int)
        }

        let day: Day
        let kind: Kind
        /// Orders milestones of one day: calls open first, results come last.
        var rank: Int {
            switch kind {
            case .openCall: 0
            case .registerInstitute: 1
            case .formConsortium: 2
            case .extensionRound: 3
            case .announce: 4
            }
        }
    }

    /// The share of institutes first labelled in each wave; the rest are never labelled.
    static let cohortShares = [0.30, 0.15, 0.15, 0.15, 0.12, 0.08]

    /// Institutes in registration order.
    let institutes: [Institute]
    let schools: Int
    let people: Int
    let consortia: Int
    let mergers: Int
    let withdrawals: Int
    /// In day order.
    let milestones: [Milestone]
    let widths: (institute: Int, school: Int, person: Int, consortium: Int)

    init(_ parameters: SyntheticLog.Parameters, random: inout SyntheticRandom) {
        let count = parameters.worldInstitutes
        mergers = max(1, count / 5)
        schools = 2 * count
        people = 3 * count
        consortia = max(3, count / 10)
        withdrawals = max(1, count / 25)
        widths = (max(4, String(count).count), max(4, String(schools).count), max(4, String(people).count),
                  max(3, String(consortia).count))

        // Each institute's cohort, interleaved so that any count, even 1, spreads over the waves.
        var cumulative: [Double] = []
        for share in Self.cohortShares { cumulative.append((cumulative.last ?? 0) + share) }
        var planned: [(day: Day, institute: Institute)] = []
        var byCohort: [[Int]] = Array(repeating: [], count: Self.cohortShares.count + 1)
        for index in 0..<count {
            let position = (Double(index) + 0.5) / Double(count)
            byCohort[cumulative.firstIndex { position < $0 } ?? Self.cohortShares.count].append(index)
        }
        for (cohort, members) in byCohort.enumerated() {
            let labelled = cohort < SyntheticCalendar.waves.count
            let window: (Day, Day) = labelled
                ? Self.registrationWindow(before: SyntheticCalendar.waves[cohort])
                : (SyntheticCalendar.day(2006, 6, 1), SyntheticCalendar.day(2024, 6, 3))
            let span = Int(window.1.ordinal - window.0.ordinal)
            for (rank, _) in members.enumerated() {
                let tremplin = labelled && SyntheticCalendar.waves[cohort].tremplinCall != nil && random.chance(0.4)
                let day = window.0.adding(days: rank * span / max(1, members.count))
                planned.append((day, Institute(cohort: labelled ? cohort : nil, firstKind: tremplin ? .tremplin : .carnot)))
            }
        }
        // Stable: registration order is day order, ties in plan order. The first institute is registered on
        // the first day, so that the log always has something to tell about from its second event.
        let order = planned.indices.sorted { (planned[$0].day, $0) < (planned[$1].day, $1) }
        institutes = order.map { planned[$0].institute }
        planned[order[0]].day = SyntheticCalendar.first

        var milestones: [Milestone] = []
        for (index, wave) in SyntheticCalendar.waves.enumerated() {
            milestones.append(Milestone(day: wave.opened, kind: .openCall(wave: index)))
            milestones.append(Milestone(day: wave.results, kind: .announce(wave: index)))
        }
        for (plan, index) in order.enumerated() {
            milestones.append(Milestone(day: planned[index].day, kind: .registerInstitute(plan: plan)))
        }
        let formedFrom = SyntheticCalendar.day(2009, 1, 5), formedUntil = SyntheticCalendar.day(2023, 6, 30)
        for index in 0..<consortia {
            let offset = Int(formedUntil.ordinal - formedFrom.ordinal) * index / consortia
            milestones.append(Milestone(day: formedFrom.adding(days: offset), kind: .formConsortium(index: index)))
        }
        milestones.append(Milestone(day: SyntheticCalendar.extensionRound, kind: .extensionRound))
        let sorted = milestones.indices.sorted {
            (milestones[$0].day, milestones[$0].rank, $0) < (milestones[$1].day, milestones[$1].rank, $1)
        }
        self.milestones = sorted.map { milestones[$0] }
    }

    /// Institutes first labelled in `wave` are registered in the nine months before its results.
    private static func registrationWindow(before wave: SyntheticWave) -> (Day, Day) {
        let start = max(SyntheticCalendar.first, wave.results.adding(days: -270))
        return (start, max(start, wave.results.adding(days: -20)))
    }
}
