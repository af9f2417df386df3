import CarnotRegistry
import Foundation

extension LogSizeRun {
    /// Full replay beside a raw scan, `state(at:)` at random dates, and the peak memory of a replay.
    /// Returns the median `state(at:)` latency.
    func read(into table: inout ResultTable, log: (String) -> Void) throws -> Double {
        // Full replay into RegistryState, from a store opened afresh.
        log("[\(label)] replaying \(Figures.grouped(total)) events")
        let replayed = try Stopwatch.time { try EventStore(path: ourPath, readOnly: true).replay() }.seconds
        let scanned = try Stopwatch.time { try RawSQLite(path: rawPath, create: false).scanInFoldOrder() }
        guard scanned.result == total else { throw BenchError("the raw scan read \(scanned.result) of \(total) rows") }
        let replayRate = Double(total) / replayed
        let replayRatio = scanned.seconds / replayed
        table.add("full replay into RegistryState (events/s)", log: label, ours: Figures.rate(total, replayed),
                  baseline: Figures.rate(total, scanned.seconds) + " scan", ratio: Figures.ratio(replayRatio),
                  target: "≥ 0.50 and ≥ 1,300,000/s " + (replayRatio >= 0.5 && replayRate >= 1_300_000 ? "met" : "MISSED"))

        // state(at:) at random dates, as known now, on a store opened afresh (as a new process would).
        log("[\(label)] \(queries) state(at:) queries at random dates")
        let latencies = try StateQueries.latencies(path: ourPath, count: queries, seed: seed)
        let p50 = Stopwatch.quantile(latencies, 0.5)
        let p99 = Stopwatch.quantile(latencies, 0.99)
        table.add("state(at:) at a random date, p50", log: label, ours: Figures.milliseconds(p50),
                  baseline: Figures.milliseconds(replayed) + " full fold", ratio: Figures.ratio(p50 / replayed),
                  target: target.atMostAt1M(p50, 0.002, "≤ 2 ms"))
        table.add("state(at:) at a random date, p99", log: label, ours: Figures.milliseconds(p99),
                  baseline: Figures.milliseconds(replayed) + " full fold", ratio: Figures.ratio(p99 / replayed),
                  target: target.atMostAt1M(p99, 0.010, "≤ 10 ms"))

        // Peak memory of a process that replays the log, beside one that only scans it.
        log("[\(label)] peak memory of a replay, in a child process")
        let peak = try PeakMemory.ofChild(["replay-peak", ourPath])
        let rawPeak = try PeakMemory.ofChild(["scan-peak", rawPath])
        table.add("peak resident memory of a replay", log: label, ours: Figures.megabytes(peak),
                  baseline: Figures.megabytes(rawPeak) + " scan", ratio: Figures.ratio(Double(peak) / Double(rawPeak)),
                  target: target.atMostAt1M(Double(peak), 200 * 1024, "≤ 200 MB"))
        return p50
    }
}
