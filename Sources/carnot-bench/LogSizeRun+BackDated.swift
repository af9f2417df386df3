import Foundation

extension LogSizeRun {
    /// Back-dated decisions written into the store by `carnot-bench backdated` children: single-event
    /// decisions of two kinds (median of `backdated`), then one decision of `large` events, each beside the
    /// same writes at the front.
    func writeBackDated(after appends: Appends, into table: inout ResultTable, log: (String) -> Void) throws {
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
