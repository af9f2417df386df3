import ArgumentParser
import CarnotRegistry
import Foundation

/// `carnot-bench`: the performance figures of the README, measured beside raw SQLite in the same run.
@main
struct CarnotBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carnot-bench",
        abstract: "Measures carnot beside raw SQLite on synthetic logs and prints one Markdown table.",
        discussion: """
        Run it in release mode, after building the carnot executable it also times:
          swift build -c release && .build/release/carnot-bench

        For each log size it generates a synthetic log (`carnot generate`), imports it, appends decisions \
        of 100 events and single-event decisions on top, replays it, queries state(at:) at random dates and \
        measures the peak memory of a replay in a child process. The baseline does the same writes and reads \
        through SQLite's C API alone, on the same rows, with the same durability. Files go to --work.
        """,
        subcommands: [Run.self, ProofsRun.self, ReplayPeak.self, ScanPeak.self],
        defaultSubcommand: Run.self
    )

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Measure and print the table (the default).")

        @Option(help: "Log sizes, comma-separated.") var sizes = "10000,100000,1000000"
        @Option(help: "Institutes in the synthetic world.") var institutes = 200
        @Option(help: "Seed of the synthetic logs and query dates.") var seed: UInt64 = 1
        @Option(help: "Events appended as decisions of 100 on top of each log.") var batched = 10_000
        @Option(help: "Single-event decisions appended after them.") var singles = 200
        @Option(help: "state(at:) queries per log size.") var queries = 500
        @Option(help: "Runs of each process for the process-start figure.") var runs = 21
        @Option(help: "Folder for the logs and stores (emptied of earlier bench files).") var work = "/tmp/carnot-bench"

        func run() throws {
            let logSizes = try sizes.split(separator: ",").map { text -> Int in
                guard let size = Int(text.trimmingCharacters(in: .whitespaces)), size >= 1_000 else {
                    throw ValidationError("--sizes: '\(text)' is not a whole number of at least 1000")
                }
                return size
            }
            guard institutes >= 1, batched >= 100, batched % 100 == 0, singles >= 1, queries >= 1, runs >= 1 else {
                throw ValidationError("--institutes, --singles, --queries and --runs must be at least 1, --batched a multiple of 100")
            }
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            let log: (String) -> Void = { FileHandle.standardError.write(Data(("carnot-bench: " + $0 + "\n").utf8)) }
            var table = ResultTable()
            var medians: [Int: Double] = [:]
            for size in logSizes {
                let run = LogSizeRun(events: size, institutes: institutes, seed: seed, folder: work, batched: batched,
                                     singles: singles, queries: queries)
                medians[size] = try run.run(into: &table, log: log).stateMedian
            }
            if let smallest = logSizes.min(), let largest = logSizes.max(), smallest != largest,
               let small = medians[smallest], let large = medians[largest] {
                let ratio = large / small
                table.add("state(at:) p50, \(Figures.size(largest)) log over \(Figures.size(smallest)) log", log: "",
                          ours: Figures.milliseconds(large), baseline: Figures.milliseconds(small),
                          ratio: Figures.ratio(ratio), target: "≤ 2.00 " + (ratio <= 2 ? "met" : "MISSED"))
            }
            log("timing carnot as a new process")
            try ProcessStart.measure(folder: work, runs: runs, into: &table)
            print(table.markdown)
            print("")
            print("institutes \(institutes), seed \(seed), \(batched) events appended in decisions of 100 and \(singles) single-event decisions per log, \(queries) queries; checkpoint interval \(EventStore.defaultCheckpointInterval)")
        }
    }

    /// Replays a store and prints its own peak resident memory in KB (run as a child by `run`).
    struct ReplayPeak: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "replay-peak", shouldDisplay: false)
        @Argument var path: String

        func run() throws {
            let state = try EventStore(path: path, readOnly: true).replay()
            print(state.institutes.count)
            print(PeakMemory.ofSelf())
        }
    }

    /// Scans a raw store in fold order and prints its own peak resident memory in KB.
    struct ScanPeak: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "scan-peak", shouldDisplay: false)
        @Argument var path: String

        func run() throws {
            print(try RawSQLite(path: path, create: false).scanInFoldOrder())
            print(PeakMemory.ofSelf())
        }
    }
}
