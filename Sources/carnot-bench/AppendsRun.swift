import ArgumentParser
import CarnotRegistry
import Foundation

/// `carnot-bench appends STORE --events N`: appends, as decisions of `--batch` events, the `--count` events
/// that follow the first N of the bench's synthetic log, to a store holding an import of those N (as `run`
/// leaves its store after `carnot import`), and prints the rate. For profiling the appends of one size
/// without the whole run; work on a copy, as it writes.
struct AppendsRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "appends", shouldDisplay: false)

    @Argument var path: String
    @Option(help: "Events of the synthetic log the store holds.") var events: Int
    @Option(help: "Events appended after them.") var count = 2_000
    @Option(help: "Events per decision.") var batch = 100
    @Option(help: "Institutes in the synthetic world (as for `run`).") var institutes = 200
    @Option(help: "Seed of the synthetic log (as for `run`).") var seed: UInt64 = 1
    @Option(help: "Single-event decisions appended after them, timed apart (as `run` does after its decisions of 100).")
    var singles = 0
    @Option(help: "Events `run` generated beyond --events (its --batched plus --singles), which changes the log's dates.")
    var generatedBeyond = 10_200

    func run() throws {
        var tail: [EventDraft] = []
        SyntheticLog.generate(SyntheticLog.Parameters(events: events + generatedBeyond, institutes: institutes, seed: seed)) { event in
            if event.seq > events, tail.count < count + singles { tail.append(LogSizeRun.draft(event)) }
        }
        // The rates are computed on the counts asked for: refuse more events than the synthetic log holds
        // beyond the store's (it printed 5,403/s for 500 single-event decisions that were 200).
        guard tail.count == count + singles else {
            throw BenchError("the synthetic log holds \(tail.count) events after the first \(events), not \(count) + \(singles): raise --generated-beyond")
        }
        let opened = try Stopwatch.time { _ = try EventStore(path: path) }.seconds
        let store = try EventStore(path: path)
        guard try store.head().seq == Int64(events) else { throw BenchError("\(path) does not hold the first \(events) events") }
        let loaded = try Stopwatch.time { _ = try store.currentState() }.seconds
        let cpuBefore = Self.cpuSeconds()
        let seconds = try Stopwatch.time {
            for start in stride(from: 0, to: count, by: batch) { try store.append(Array(tail[start..<min(start + batch, count)])) }
        }.seconds
        let cpu = Self.cpuSeconds() - cpuBefore
        print("opened (with any upgrade) \(Figures.duration(opened)), state loaded \(Figures.duration(loaded))")
        print("\(count) events in decisions of \(batch): \(Figures.duration(seconds)), \(Figures.rate(count, seconds)) events;"
              + " CPU (user + system) \(Figures.duration(cpu)), \(Figures.rate(count, cpu)) events per CPU second")
        guard singles > 0 else { return }
        let singlesCPUBefore = Self.cpuSeconds()
        let singlesSeconds = try Stopwatch.time { for draft in tail[count...] { try store.append([draft]) } }.seconds
        let singlesCPU = Self.cpuSeconds() - singlesCPUBefore
        print("then \(singles) single-event decisions: \(Figures.duration(singlesSeconds)), \(Figures.rate(singles, singlesSeconds)) decisions;"
              + " CPU (user + system) \(Figures.duration(singlesCPU)), \(Figures.rate(singles, singlesCPU)) per CPU second")
    }

    /// The CPU time (user and system) this process has used: on a shared machine, wall time measures the load.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
