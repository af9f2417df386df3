import ArgumentParser
import CarnotRegistry
import Foundation

/// `carnot-bench replay-time STORE`: the bench's replay figure alone, on a store that exists, for paired runs
/// while working on the replay: `EventStore.replay()` from a store opened afresh and the raw scan of the same
/// rows of the same file (`RawSQLite.scanInFoldOrder`, read-only), alternated `--runs` times, each with its
/// wall and CPU seconds (the replay runs on several threads, so its CPU time exceeds its wall time).
struct ReplayTimeRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay-time", shouldDisplay: false)

    @Argument(help: "A carnot store (opened read-only).") var path: String
    @Option(help: "Replays and scans, alternated.") var runs = 3

    func run() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        var replays: [Double] = []
        var scans: [Double] = []
        for run in 1...runs {
            let cpu = Self.cpuSeconds()
            let replay = try Stopwatch.time { try EventStore(path: path, readOnly: true).replay() }
            let replayCPU = Self.cpuSeconds() - cpu
            let scanCPU = Self.cpuSeconds()
            let scan = try Stopwatch.time { try RawSQLite(path: path, create: false).scanInFoldOrder() }
            let events = scan.result
            print(String(format: "run %d: replay %.3f s wall %.3f s CPU (%.0f/s); raw scan %.3f s wall %.3f s CPU (%.0f/s); ratio %.2f",
                         run, replay.seconds, replayCPU, Double(events) / replay.seconds, scan.seconds,
                         Self.cpuSeconds() - scanCPU, Double(events) / scan.seconds, scan.seconds / replay.seconds))
            if replay.result.institutes.isEmpty { print("(an empty state)") }
            replays.append(replay.seconds)
            scans.append(scan.seconds)
        }
        let replay = Stopwatch.quantile(replays, 0.5)
        let scan = Stopwatch.quantile(scans, 0.5)
        print(String(format: "median: replay %.3f s, raw scan %.3f s, ratio %.2f", replay, scan, scan / replay))
    }

    /// User and system CPU seconds of this process so far, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
