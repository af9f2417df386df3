import Foundation

/// Threads of their own for the servers under test and their clients.
///
/// Swift Testing runs a synchronous test on one of the cooperative pool's threads, one per core, for as long as
/// the test runs. On a 2-core machine two minutes-long tests elsewhere in the run leave no thread for a server's
/// request handlers, and the client's 20-second read timeout fires although nothing is wrong with the server
/// (seen in CI). Work that prefers this executor runs on its own threads, whatever the rest of the run does.
final class ServerExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = ServerExecutor(threads: 2)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var next = 0

    private init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "carnot.test.server.\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs jobs in the order they came, for the life of the test process.
    private func work() {
        while true {
            condition.lock()
            while next == jobs.count { condition.wait() }
            let job = jobs[next]
            next += 1
            if next > 1024, next * 2 > jobs.count {
                jobs.removeFirst(next)
                next = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
