import CarnotRegistry
import Foundation

/// Every figure measured on one log size: a synthetic log of `events` events is imported by `carnot
/// import`, decisions are appended on top of it, it is replayed and queried, the carnot commands that read
/// the whole log run on it as processes, back-dated decisions are written into it, and the Python peer
/// runs the same appends. The raw baseline does the same writes and reads on the same rows.
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
    /// Events of the one large decision appended last at the front (in 2026, after the synthetic log's
    /// last day), beside the same kinds of events back-dated.
    let large = 4_000
    static let front = Day(year: 2026, month: 7, day: 1)!
    /// Random dates queried with `state(at:)`.
    let queries: Int
    /// Back-dated single-event decisions of each kind.
    let backdated: Int
    /// Seconds after which a child process that writes or reads the store is stopped.
    let timeout: Double
    let python: PythonPeer?

    var label: String { Figures.size(events) }
    var ourPath: String { "\(folder)/carnot-\(label).sqlite" }
    var rawPath: String { "\(folder)/raw-\(label).sqlite" }
    var logFile: String { "\(folder)/log-\(label).ndjson" }
    var exported: String { "\(folder)/export-\(label)" }
    var snapshots: String { "\(folder)/snapshots-\(label)" }
    var errors: String { "\(folder)/child-stderr.txt" }
    var carnotPath: String { Subprocess.sibling(CommandLine.arguments[0], "carnot") }
    var target: Target { Target(events: events) }
    /// Every event in the store once the appends are done.
    var total: Int { events + batched + singles + large }
    /// The events of the synthetic log: those imported, then those appended in decisions of 100 and singly.
    var generated: Int { events + batched + singles }

    /// What the later steps reuse: the median `state(at:)` latency.
    struct Outcome {
        var stateMedian: Double
    }

    func run(into table: inout ResultTable, log: (String) -> Void) throws -> Outcome {
        guard FileManager.default.isExecutableFile(atPath: carnotPath) else {
            throw BenchError("\(carnotPath) is missing: build it first (swift build -c release)")
        }
        for path in [ourPath, rawPath] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        log("[\(label)] generating \(Figures.grouped(generated)) events")
        let written = try SyntheticLogFile.write(SyntheticLog.Parameters(events: generated, institutes: institutes, seed: seed),
                                                 to: logFile, keeping: events)
        let appends = try write(tail: written.tail, into: &table, log: log)
        let stateMedian = try read(into: &table, log: log)
        try runCommands(history: written.busiest, into: &table, log: log)
        try writeBackDated(after: appends, into: &table, log: log)
        try compareWithPython(appends, into: &table, log: log)
        return Outcome(stateMedian: stateMedian)
    }

    /// Runs `carnot` with `arguments` on this size's store, measured whole.
    func carnot(_ arguments: [String], timeout: Double? = nil) throws -> ChildRun {
        try ChildRun.measure(carnotPath, arguments + ["--db", ourPath], timeout: timeout, errors: errors)
    }
}
