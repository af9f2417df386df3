import ArgumentParser
import CarnotRegistry

/// `state(at:)` at random dates between 2006 and mid-2026, as known now, on a store opened afresh (as a new
/// process would): what the bench reports as its p50 and p99.
enum StateQueries {
    /// The latency of each of `count` queries, in seconds, in the order asked.
    static func latencies(path: String, count: Int, seed: UInt64) throws -> [Double] {
        let reader = try EventStore(path: path, readOnly: true)
        var random = SeededGenerator(seed: seed)
        let first = Day(year: 2006, month: 1, day: 1)!.ordinal
        let last = Day(year: 2026, month: 6, day: 30)!.ordinal
        var latencies: [Double] = []
        for _ in 0..<count {
            let day = Day(ordinal: Int32.random(in: first...last, using: &random))
            latencies.append(try Stopwatch.time { try reader.state(at: day) }.seconds)
        }
        return latencies
    }

    /// Runs the bench's `state(at:)` queries alone on a store, to profile them (`perf record`).
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "state-queries", shouldDisplay: false)
        @Argument var path: String
        @Option var queries = 500
        @Option var seed: UInt64 = 1
        @Option var rounds = 1

        func run() throws {
            for _ in 0..<rounds {
                let latencies = try StateQueries.latencies(path: path, count: queries, seed: seed)
                print("p50 \(Figures.milliseconds(Stopwatch.quantile(latencies, 0.5))) p99 \(Figures.milliseconds(Stopwatch.quantile(latencies, 0.99)))")
            }
        }
    }
}
