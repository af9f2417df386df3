import Foundation

extension LogSizeRun {
    /// The same appends through the Python `eventsourcing` library, on a log of the same size: our rate
    /// over theirs.
    func compareWithPython(_ appends: Appends, into table: inout ResultTable, log: (String) -> Void) throws {
        guard let python else { return }
        log("[\(label)] the python peer: \(Figures.grouped(events)) events, then the same appends")
        let peer = try python.run(fill: events, batched: batched, batch: batch, singles: singles, aggregates: institutes)
        let name = "Python eventsourcing \(peer.version)"
        guard peer.synchronous == 2 else { throw BenchError("the python peer runs with synchronous=\(peer.synchronous), not FULL (2)") }
        let batchedRatio = peer.batchedSeconds / appends.batchedSeconds
        table.add("append, decisions of 100 events, against \(name) (events/s)", log: label,
                  ours: Figures.rate(batched, appends.batchedSeconds), baseline: Figures.rate(batched, peer.batchedSeconds),
                  ratio: Figures.ratio(batchedRatio), target: target.atLeast(batchedRatio, 2, "≥ 2.00"))
        let singleRatio = peer.singlesSeconds / appends.singlesSeconds
        table.add("append, single-event decisions, against \(name) (decisions/s)", log: label,
                  ours: Figures.rate(singles, appends.singlesSeconds), baseline: Figures.rate(singles, peer.singlesSeconds),
                  ratio: Figures.ratio(singleRatio), target: target.atLeast(singleRatio, 2, "≥ 2.00"))
    }
}
