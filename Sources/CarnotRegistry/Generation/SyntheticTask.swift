/// A scheduled step of the synthetic log: what a milestone unfolds into, performed when it reaches the front
/// of the queue. Each one checks, when performed, that it is still valid, and is skipped otherwise.
enum SyntheticTask {
    case openCall(wave: Int, tremplin: Bool)
    case registerInstitute(plan: Int)
    case registerDirector(institute: Int)
    case appointDirector(institute: Int, person: Int)
    case registerSchool(home: Int, role: AffiliationRole)
    case affiliate(school: Int, institute: Int, role: AffiliationRole)
    case announce(wave: Int)
    case announceTremplin(wave: Int, counts: CallCounts)
    case grant(institute: Int, kind: LabelKind, wave: Int, probation: Bool)
    case renew(institute: Int, wave: Int)
    case notRenew(institute: Int, wave: Int, tremplin: Bool)
    case extensionRound
    case extend(institute: Int, until: Day)
    case formConsortium(index: Int)
    case joinConsortium(consortium: Int, institute: Int, role: ConsortiumRole)
}

/// The queue of scheduled tasks: milestones join at the back, the steps a task unfolds into at the front,
/// so that they follow it before anything scheduled later.
struct SyntheticTaskQueue {
    private var tasks: [SyntheticTask] = []
    private var head = 0

    var isEmpty: Bool { head == tasks.count }

    mutating func append(_ task: SyntheticTask) { tasks.append(task) }

    mutating func prepend(_ steps: [SyntheticTask]) {
        if steps.count <= head {
            head -= steps.count
            tasks.replaceSubrange(head..<(head + steps.count), with: steps)
        } else {
            tasks.replaceSubrange(0..<head, with: steps)
            head = 0
        }
    }

    mutating func popFirst() -> SyntheticTask? {
        guard head < tasks.count else { return nil }
        let task = tasks[head]
        head += 1
        if head >= 1_024, head * 2 >= tasks.count {
            tasks.removeFirst(head)
            head = 0
        }
        return task
    }
}
