import CarnotRegistry
import Foundation

extension LogSizeRun {
    /// How long the appends on top of the imported log took, for the figures that compare with them.
    struct Appends {
        var batchedSeconds: Double
        var singlesSeconds: Double
        var largeSeconds: Double
    }

    /// `carnot import` of the log file, then decisions of 100 events, single-event decisions and one
    /// decision of `large` events through `EventStore.append`; the raw baseline writes the same rows.
    func write(tail: [RecordedEvent], into table: inout ResultTable, log: (String) -> Void) throws -> Appends {
        // Import: the whole `carnot import` process: read the file, verify the chain, validate every event.
        log("[\(label)] carnot import (a child process)")
        let imported = try carnot(["import", logFile])
        let store = try EventStore(path: ourPath)
        let head = try store.head().seq
        guard head == Int64(events) else { throw BenchError("carnot import left \(head) of \(events) events") }
        let ours = try RawSQLite(path: ourPath, create: false)
        let raw = try RawSQLite(path: rawPath)
        let importRows = try ours.rows(from: 1, through: Int64(events))
        let rawImport = try Stopwatch.time { try raw.insert(importRows[...]) }.seconds
        let importRatio = rawImport / imported.seconds
        table.add("import a log file: `carnot import`, chain verified, every event validated (events/s)", log: label,
                  ours: Figures.rate(events, imported.seconds), baseline: Figures.rate(events, rawImport) + " insert",
                  ratio: Figures.ratio(importRatio), target: target.atLeast(importRatio, 0.5, "≥ 0.50"))
        table.add("peak resident memory of `carnot import`", log: label, ours: Figures.megabytes(imported.peak),
                  baseline: "", ratio: "", target: target.atMostAt1M(Double(imported.peak), 150 * 1024, "≤ 150 MB"))

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
                  target: target.atLeast(batchedRatio, 0.7, "≥ 0.70"))

        // Single-event decisions: one durable commit each.
        log("[\(label)] appending \(singles) single-event decisions")
        let single = try Stopwatch.time {
            for draft in drafts[batched..<(batched + singles)] { try store.append([draft]) }
        }.seconds
        let singleRows = try ours.rows(from: Int64(events + batched + 1), through: Int64(events + batched + singles))
        let rawSingle = try Stopwatch.time { for index in singleRows.indices { try raw.insert(singleRows[index...index]) } }.seconds
        let singleRatio = rawSingle / single
        table.add("append, single-event decisions (decisions/s)", log: label, ours: Figures.rate(singles, single),
                  baseline: Figures.rate(singles, rawSingle), ratio: Figures.ratio(singleRatio),
                  target: target.atLeast(singleRatio, 0.8, "≥ 0.80"))

        // One large decision at the front: the events a back-dated one of the same size holds, after the last day.
        log("[\(label)] appending one decision of \(large) events at the front")
        let (institutes, people) = try BackdatedRun.entities(in: store)
        let front = BackdatedRun.mix(count: large, tag: "front", from: Self.front, over: 120, institutes: institutes, people: people)
        let largeSeconds = try Stopwatch.time { try store.append(front) }.seconds
        let largeRows = try ours.rows(from: Int64(events + batched + singles + 1), through: Int64(total))
        let rawLarge = try Stopwatch.time { try raw.insert(largeRows[...]) }.seconds
        table.add("append, one decision of \(Figures.grouped(large)) events at the front (renames, directors, new schools, affiliations) (s)", log: label,
                  ours: Figures.duration(largeSeconds), baseline: Figures.duration(rawLarge), ratio: Figures.ratio(rawLarge / largeSeconds))
        return Appends(batchedSeconds: appended, singlesSeconds: single, largeSeconds: largeSeconds)
    }

    /// The decision a recorded event came from, to append it again.
    static func draft(_ event: RecordedEvent) -> EventDraft {
        EventDraft(event.event, effective: PartialDate(day: event.effective, precision: event.precision),
                   source: event.source, recordedBy: event.recordedBy, confidence: event.confidence,
                   note: event.note)
    }
}
