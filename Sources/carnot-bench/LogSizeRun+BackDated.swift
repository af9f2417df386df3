import Foundation

extension LogSizeRun {
    /// The day `carnot state` is asked about before and after the back-dated decisions: the README's first question.
    static let staleReadDay = "2020-02-07"

    /// Back-dated decisions written into the store by `carnot-bench backdated` children: single-event
    /// decisions of two kinds (median of `backdated`), then one decision of `large` events, each beside the
    /// same writes at the front. Then what they leave until the next interval writes their stale checkpoints
    /// again: `carnot state` as a new process beside the same before them, and `carnot verify`.
    func writeBackDated(after appends: Appends, into table: inout ResultTable, log: (String) -> Void) throws {
        let stateBefore = try medianStateRead()
        try writeBackDatedDecisions(after: appends, into: &table, log: log)
        log("[\(label)] carnot state --at \(Self.staleReadDay) and carnot verify, the checkpoints stale")
        let stateAfter = try medianStateRead()
        table.add("`carnot state --at \(Self.staleReadDay)` as a new process, right after them (checkpoints stale), median of 5",
                  log: label, ours: Figures.duration(stateAfter), baseline: Figures.duration(stateBefore) + " before them",
                  ratio: Figures.ratio(stateAfter / stateBefore))
        let verify = try carnot(["verify"])
        table.add("`carnot verify` (full), right after them (checkpoints stale) (s)", log: label,
                  ours: Figures.duration(verify.seconds) + " (" + Figures.rate(total, verify.seconds) + ")", baseline: "", ratio: "")
    }

    /// The median of 5 whole-process runs of `carnot state --at staleReadDay --format json`.
    private func medianStateRead() throws -> Double {
        Stopwatch.quantile(try (0..<5).map { _ in try carnot(["state", "--at", Self.staleReadDay, "--format", "json"]).seconds }, 0.5)
    }

    private func writeBackDatedDecisions(after appends: Appends, into table: inout ResultTable, log: (String) -> Void) throws {
        let bench = Subprocess.sibling(CommandLine.arguments[0])
        let output = "\(folder)/child-stdout.txt"
        let front = appends.singlesSeconds / Double(singles)
        for (kind, what) in [(BackdatedRun.Kind.rename, "an institute renamed"), (.registration, "a school registered")] {
            log("[\(label)] \(backdated) back-dated single-event decisions: \(what)")
            let run = try ChildRun.measure(bench, ["backdated", ourPath, "--kind", kind.rawValue, "--decisions", String(backdated),
                                                   "--tag", kind.rawValue],
                                           timeout: timeout, errors: errors, output: output)
            let samples = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").compactMap { Double($0) }
            let figure = "one back-dated decision: \(what) in \(BackdatedRun.firstDay.year), median of \(backdated)"
            guard !run.timedOut, !samples.isEmpty else {
                table.add(figure, log: label, ours: "> \(Figures.duration(run.seconds)) (stopped, \(samples.count) done)",
                          baseline: "", ratio: "", target: target.atMostAt1M(.infinity, 0.050, "≤ 50 ms"))
                continue
            }
            let median = Stopwatch.quantile(samples, 0.5)
            table.add(figure, log: label, ours: Figures.milliseconds(median),
                      baseline: Figures.milliseconds(front) + " at the front", ratio: Figures.ratio(median / front),
                      target: target.atMostAt1M(median, 0.050, "≤ 50 ms"))
        }

        log("[\(label)] one decision of \(large) back-dated events (stopped after \(Int(timeout)) s)")
        let run = try ChildRun.measure(bench, ["backdated", ourPath, "--kind", "mix", "--count", String(large), "--tag", "mix"],
                                       timeout: timeout, errors: errors, output: output)
        let seconds = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").compactMap { Double($0) }.first
        let figure = "one decision of \(Figures.grouped(large)) back-dated events (renames, directors, new schools, affiliations)"
        guard !run.timedOut, let seconds else {
            table.add(figure, log: label, ours: "> \(Figures.duration(run.seconds)) (stopped)", baseline: "", ratio: "",
                      target: target.atMostAt1M(.infinity, 1, "≤ 1 s"))
            return
        }
        table.add(figure, log: label, ours: Figures.duration(seconds),
                  baseline: Figures.duration(appends.largeSeconds) + " at the front", ratio: Figures.ratio(seconds / appends.largeSeconds),
                  target: target.atMostAt1M(seconds, 1, "≤ 1 s"))
    }
}
