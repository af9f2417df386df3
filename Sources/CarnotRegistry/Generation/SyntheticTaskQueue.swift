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
