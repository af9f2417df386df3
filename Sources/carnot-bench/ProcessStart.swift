import Foundation
import CarnotRegistry

/// `carnot state --at DATE` on the bundled history as a new process, beside `carnot head` (the least a
/// carnot process that opens the store does), both on a store made from the bundled `Events/` once.
enum ProcessStart {
    static func measure(folder: String, runs: Int, into table: inout ResultTable) throws {
        let carnot = Subprocess.sibling(CommandLine.arguments[0], "carnot")
        guard FileManager.default.isExecutableFile(atPath: carnot) else {
            throw BenchError("\(carnot) is missing: build it first (swift build -c release)")
        }
        let store = "\(folder)/bundled.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        guard let events = BundledHistory.folder() else { throw BenchError("the bundled Events/ folder is not found") }
        try Subprocess.run(carnot, ["import", events, "--db", store])
        guard try Subprocess.run(carnot, ["head", "--db", store]).hasPrefix("0:") == false else {
            throw BenchError("the bundled history did not import into \(store)")
        }
        func median(_ arguments: [String]) throws -> Double {
            var samples: [Double] = []
            for _ in 0..<runs { samples.append(try Stopwatch.time { try Subprocess.run(carnot, arguments) }.seconds) }
            return Stopwatch.quantile(samples, 0.5)
        }
        let state = try median(["state", "--at", "2020-02-07", "--db", store])
        let head = try median(["head", "--db", store])
        table.add("`carnot state --at 2020-02-07`, new process, median of \(runs)", log: "bundled",
                  ours: Figures.milliseconds(state), baseline: Figures.milliseconds(head) + " `carnot head`",
                  ratio: Figures.ratio(state / head), target: "≤ 30 ms " + (state <= 0.030 ? "met" : "MISSED"))
    }
}
