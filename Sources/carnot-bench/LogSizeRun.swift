import CarnotRegistry
import Foundation

/// Every figure measured on one log size: a synthetic log of `events` events is imported, then decisions
/// are appended on top of it, replayed and queried, and the raw baseline does the same on the same rows.
struct LogSizeRun {
    let events: Int
    let institutes: Int
    let seed: UInt64
    let folder: String
    /// Events appended on top of the log as decisions of `batch` events.
    let batched: Int
    let batch = 100
    /// Single-event decisions appended after those.
    let singles: Int
    /// Random dates queried with `state(at:)`.
    let queries: Int

    var label: String { Figures.size(events) }
    var ourPath: String { "\(folder)/carnot-\(label).sqlite" }
    var rawPath: String { "\(folder)/raw-\(label).sqlite" }

    /// What the later steps reuse: the median `state(at:)` latency.
    struct Outcome {
        var stateMedian: Double
    }

    func run(into table: inout ResultTable, log: (String) -> Void) throws -> Outcome {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: ourPath + suffix)
            try? FileManager.default.removeItem(atPath: rawPath + suffix)
        }
        let logFile = "\(folder)/log-\(label).ndjson"
        log("[\(label)] generating \(Figures.grouped(events + batched + singles)) events")
        let tail = try generate(to: logFile)

        // Import: read, verify and validate the log file, append it in one transaction.
        log("[\(label)] importing")
        let store = try EventStore(path: ourPath)
        let imported = try Stopwatch.time { () throws -> ImportResult in
            try store.importLog(try LogFile.read(logFile))
        }
        guard imported.result.appended == events else { throw BenchError("imported \(imported.result.appended) of \(events) events") }
        let ours = try RawSQLite(path: ourPath, create: false)
        let raw = try RawSQLite(path: rawPath)
        let importRows = try ours.rows(from: 1, through: Int64(events))
        let rawImport = try Stopwatch.time { try raw.insert(importRows[...]) }.seconds
        table.add("import a log file, chain verified (events/s)", log: label,
                  ours: Figures.rate(events, imported.seconds), baseline: Figures.rate(events, rawImport) + " insert",
                  ratio: Figures.ratio(rawImport / imported.seconds))

        // Batched append: decisions of 100 events, one durable commit each.
        log("[\(label)] appending \(batched) events in decisions of \(batch)")
        let drafts = tail.map(Self.draft)
        let appended = try Stopwatch.time {
            for start in stride(from: 0, to: batched, by: batch) {
                try store.append(Array(drafts[start..<min(start + batch, batched)]))
            }
        }.seconds
        let batchRows = try ours.rows(from: Int64(events + 1), through: Int64(events + batched))
        let rawBatched = try Stopwatch.time {
            for start in stride(from: 0, to: batchRows.count, by: batch) {
                try raw.insert(batchRows[start..<min(start + batch, batchRows.count)])
            }
        }.seconds
        let batchedRatio = rawBatched / appended
        table.add("append, decisions of 100 events (events/s)", log: label, ours: Figures.rate(batched, appended),
                  baseline: Figures.rate(batched, rawBatched), ratio: Figures.ratio(batchedRatio),
                  target: "≥ 0.70 " + (batchedRatio >= 0.7 ? "met" : "MISSED"))

        // Single-event decisions: one durable commit each.
        log("[\(label)] appending \(singles) single-event decisions")
        let single = try Stopwatch.time {
            for draft in drafts[batched..<(batched + singles)] { try store.append([draft]) }
        }.seconds
        let singleRows = try ours.rows(from: Int64(events + batched + 1), through: Int64(events + batched + singles))
        let rawSingle = try Stopwatch.time { for index in singleRows.indices { try raw.insert(singleRows[index...index]) } }.seconds
        table.add("append, single-event decisions (decisions/s)", log: label, ours: Figures.rate(singles, single),
                  baseline: Figures.rate(singles, rawSingle), ratio: Figures.ratio(rawSingle / single))

        // Full replay into RegistryState, from a store opened afresh.
        let total = events + batched + singles
        log("[\(label)] replaying \(Figures.grouped(total)) events")
        let replayed = try Stopwatch.time { try EventStore(path: ourPath, readOnly: true).replay() }.seconds
        let scanned = try Stopwatch.time { try RawSQLite(path: rawPath, create: false).scanInFoldOrder() }
        guard scanned.result == total else { throw BenchError("the raw scan read \(scanned.result) of \(total) rows") }
        let replayRate = Double(total) / replayed
        table.add("full replay into RegistryState (events/s)", log: label, ours: Figures.rate(total, replayed),
                  baseline: Figures.rate(total, scanned.seconds) + " scan", ratio: Figures.ratio(scanned.seconds / replayed),
                  target: "≥ 1,000,000/s " + (replayRate >= 1_000_000 ? "met" : "MISSED"))

        // state(at:) at random dates, as known now, on a store opened afresh (as a new process would).
        log("[\(label)] \(queries) state(at:) queries at random dates")
        let reader = try EventStore(path: ourPath, readOnly: true)
        var random = SeededGenerator(seed: seed)
        let first = Day(year: 2006, month: 1, day: 1)!.ordinal
        let last = Day(year: 2026, month: 6, day: 30)!.ordinal
        var latencies: [Double] = []
        for _ in 0..<queries {
            let day = Day(ordinal: Int32.random(in: first...last, using: &random))
            latencies.append(try Stopwatch.time { try reader.state(at: day) }.seconds)
        }
        let p50 = Stopwatch.quantile(latencies, 0.5)
        let p99 = Stopwatch.quantile(latencies, 0.99)
        table.add("state(at:) at a random date, p50", log: label, ours: Figures.milliseconds(p50),
                  baseline: Figures.milliseconds(replayed) + " full fold", ratio: Figures.ratio(p50 / replayed),
                  target: events >= 1_000_000 ? "≤ 2 ms " + (p50 <= 0.002 ? "met" : "MISSED") : "")
        table.add("state(at:) at a random date, p99", log: label, ours: Figures.milliseconds(p99),
                  baseline: Figures.milliseconds(replayed) + " full fold", ratio: Figures.ratio(p99 / replayed),
                  target: events >= 1_000_000 ? "≤ 10 ms " + (p99 <= 0.010 ? "met" : "MISSED") : "")

        // Peak memory of a process that replays the log, beside one that only scans it.
        log("[\(label)] peak memory of a replay, in a child process")
        let peak = try PeakMemory.ofChild(["replay-peak", ourPath])
        let rawPeak = try PeakMemory.ofChild(["scan-peak", rawPath])
        table.add("peak resident memory of a replay", log: label, ours: Figures.megabytes(peak),
                  baseline: Figures.megabytes(rawPeak) + " scan", ratio: Figures.ratio(Double(peak) / Double(rawPeak)),
                  target: events >= 1_000_000 ? "≤ 200 MB " + (peak <= 200 * 1024 ? "met" : "MISSED") : "")
        return Outcome(stateMedian: p50)
    }

    /// Writes the first `events` events of the synthetic log to `path` and returns the rest.
    private func generate(to path: String) throws -> [RecordedEvent] {
        try SyntheticLogFile.write(SyntheticLog.Parameters(events: events + batched + singles, institutes: institutes, seed: seed),
                                   to: path, keeping: events)
    }

    /// The decision a recorded event came from, to append it again.
    static func draft(_ event: RecordedEvent) -> EventDraft {
        EventDraft(event.event, effective: PartialDate(day: event.effective, precision: event.precision),
                   source: event.source, recordedBy: event.recordedBy, confidence: event.confidence,
                   note: event.note)
    }
}
