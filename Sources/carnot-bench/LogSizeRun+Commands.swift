import CarnotRegistry
import Foundation

extension LogSizeRun {
    /// The days of the snapshots `carnot audit` checks: one mid-log, one at the log's front.
    static let snapshotDays = ["2016-06-30", "2026-06-30"]

    /// The carnot commands that read the whole log, each a whole process on the store (or on its export):
    /// `export`, `snapshot`, `audit`, `verify` in full and `--chain-only`, and `history` of the busiest
    /// entity beside `carnot head`.
    func runCommands(history busiest: (id: EntityID, events: Int)?, into table: inout ResultTable, log: (String) -> Void) throws {
        for folder in [exported, snapshots] { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: snapshots, withIntermediateDirectories: true)

        log("[\(label)] carnot export")
        let export = try carnot(["export", "--out", exported])
        table.add("`carnot export` of the whole log (s)", log: label, ours: Figures.duration(export.seconds),
                  baseline: "", ratio: "")
        table.add("peak resident memory of `carnot export`", log: label, ours: Figures.megabytes(export.peak), baseline: "",
                  ratio: "", target: target.atMostAt1M(Double(export.peak), 150 * 1024, "≤ 150 MB"))

        log("[\(label)] carnot snapshot at \(Self.snapshotDays.joined(separator: ", "))")
        let snapshotRuns = try Self.snapshotDays.map { day in try carnot(["snapshot", "--at", day, "--out", "\(snapshots)/\(day).json"]) }
        let snapshotPeak = snapshotRuns.map(\.peak).max() ?? 0
        table.add("peak resident memory of `carnot snapshot` (the larger of \(snapshotRuns.count))", log: label,
                  ours: Figures.megabytes(snapshotPeak), baseline: "", ratio: "",
                  target: target.atMostAt1M(Double(snapshotPeak), 150 * 1024, "≤ 150 MB"))

        log("[\(label)] carnot audit of the exported log (replay, verify, \(Self.snapshotDays.count) snapshots)")
        let audit = try ChildRun.measure(carnotPath, ["audit", "--events", exported, "--snapshots", snapshots], errors: errors)
        let scan = try Stopwatch.time { try RawSQLite(path: rawPath, create: false).scanInFoldOrder() }.seconds
        table.add("`carnot audit` of the exported log: replay, verify, snapshots (s)", log: label,
                  ours: Figures.duration(audit.seconds) + " (" + Figures.rate(total, audit.seconds) + ")",
                  baseline: Figures.duration(scan) + " raw scan", ratio: Figures.ratio(scan / audit.seconds),
                  target: target.atMostAt1M(audit.seconds, 30, "≤ 30 s"))
        table.add("peak resident memory of `carnot audit`", log: label, ours: Figures.megabytes(audit.peak), baseline: "", ratio: "")

        log("[\(label)] carnot verify, then verify --chain-only")
        let full = try carnot(["verify"])
        let chain = try carnot(["verify", "--chain-only"])
        table.add("`carnot verify` (full) (s)", log: label, ours: Figures.duration(full.seconds) + " (" + Figures.rate(total, full.seconds) + ")",
                  baseline: Figures.duration(scan) + " raw scan", ratio: Figures.ratio(scan / full.seconds))
        table.add("`carnot verify --chain-only` (s)", log: label, ours: Figures.duration(chain.seconds) + " (" + Figures.rate(total, chain.seconds) + ")",
                  baseline: Figures.duration(scan) + " raw scan", ratio: Figures.ratio(scan / chain.seconds))

        guard let busiest else { return }
        let (entity, named) = busiest
        log("[\(label)] carnot history \(entity)")
        // Up to five runs, fewer when one takes long: the median of what ran.
        var runs: [ChildRun] = []
        repeat { runs.append(try carnot(["history", entity.rawValue])) } while runs.count < 5 && runs.map(\.seconds).reduce(0, +) < 10
        var heads: [Double] = []
        for _ in 0..<5 { heads.append(try carnot(["head"]).seconds) }
        let history = Stopwatch.quantile(runs.map(\.seconds), 0.5)
        let head = Stopwatch.quantile(heads, 0.5)
        table.add("`carnot history \(entity)` (named by \(Figures.grouped(named)) events), median of \(runs.count)",
                  log: label, ours: Figures.duration(history), baseline: Figures.duration(head) + " `carnot head`",
                  ratio: Figures.ratio(history / head), target: target.atMostAt1M(history, 0.100, "≤ 100 ms"))
        let historyPeak = runs.map(\.peak).max() ?? 0
        table.add("peak resident memory of `carnot history`", log: label, ours: Figures.megabytes(historyPeak), baseline: "",
                  ratio: "", target: target.atMostAt1M(Double(historyPeak), 150 * 1024, "≤ 150 MB"))
    }
}
