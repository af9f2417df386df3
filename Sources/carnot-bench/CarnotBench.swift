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
        Run it in release mode, after building the carnot executable it also runs:
          swift build -c release && .build/release/carnot-bench

        For each log size it generates a synthetic log (`carnot generate`), imports it with `carnot import`, \
        appends decisions of 100 events, single-event decisions and one decision of 4,000 events on top, \
        replays it, queries state(at:) at random dates, runs `export`, `snapshot`, `audit` (of the export), \
        `verify` (full and --chain-only) and `history` as processes (time and peak memory), writes \
        back-dated decisions into it, and runs the same appends through the Python `eventsourcing` library \
        in a virtual environment it makes in --work (skipped, with a message, when pip cannot install it). \
        The baseline does the same writes and reads through SQLite's C API alone, on the same rows, with the \
        same durability. Each figure is printed with its target from issue 13 ("Performance").
        """,
        subcommands: [Run.self, ProofsRun.self, ReplayPeak.self, ScanPeak.self, MeasureChild.self, BackdatedRun.self,
                      AppendsRun.self, StateQueries.Run.self, CheckpointCodecRun.self, ReplayTimeRun.self, ReplayStagesRun.self],
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
        @Option(help: "Back-dated single-event decisions of each kind per log size.") var backdated = 5
        @Option(help: "Seconds after which a back-dated decision's process is stopped (its figure then reads '> N s').")
        var timeout: Double = 300
        @Flag(help: "Skip the Python eventsourcing peer.") var noPython = false
        @Option(help: "Runs of each process for the process-start figure.") var runs = 21
        @Option(help: "Folder for the logs and stores (emptied of earlier bench files).") var work = "/tmp/carnot-bench"

        func run() throws {
            let logSizes = try sizes.split(separator: ",").map { text -> Int in
                guard let size = Int(text.trimmingCharacters(in: .whitespaces)), size >= 1_000 else {
                    throw ValidationError("--sizes: '\(text)' is not a whole number of at least 1000")
                }
                return size
            }
            guard institutes >= 1, batched >= 100, batched % 100 == 0, singles >= 1, queries >= 1, runs >= 1, backdated >= 1, timeout > 0 else {
                throw ValidationError("--institutes, --singles, --queries, --backdated and --runs must be at least 1, --batched a multiple of 100, --timeout positive")
            }
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            let log: (String) -> Void = { FileHandle.standardError.write(Data(("carnot-bench: " + $0 + "\n").utf8)) }
            let started = Stopwatch.now()
            let python = noPython ? nil : PythonPeer.prepare(folder: work, log: log)
            var table = ResultTable()
            var medians: [Int: Double] = [:]
            var failures: [String] = []
            for size in logSizes {
                let run = LogSizeRun(events: size, institutes: institutes, seed: seed, folder: work, batched: batched,
                                     singles: singles, queries: queries, backdated: backdated, timeout: timeout, python: python)
                // A size that fails (a synthetic log the rules refuse, a full disk) keeps the figures of the
                // others: its rows so far stay in the table and the reason is printed under it.
                do {
                    medians[size] = try run.run(into: &table, log: log).stateMedian
                } catch {
                    log("[\(run.label)] FAILED: \(error)")
                    failures.append("\(run.label): stopped: \(error)")
                }
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
            for failure in failures { print(failure) }
            let minutes = (Stopwatch.now() - started) / 60
            print("institutes \(institutes), seed \(seed), \(batched) events appended in decisions of 100, \(singles) single-event decisions and one decision of 4,000 events per log, \(queries) queries, \(backdated) back-dated decisions of each kind; checkpoint interval \(EventStore.defaultCheckpointInterval)")
            print("measured on \(CarnotBench.today()) in \(String(format: "%.0f", minutes)) minutes" + (python == nil ? "; the Python peer was skipped" : "; the Python peer: \(PythonPeer.requirement) in \(work)/python-venv"))
        }
    }

    /// Today's date (UTC), for the line under the table.
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
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
