import CarnotRegistry
import Foundation
import Testing

@Suite struct ConcurrencyTests {
    @Test func twoWritersExpectingTheSameHeadNeverBothWin() throws {
        let cli = try CLI()
        try cli.run(["register-person", "seed", "--name", "Seed", "--effective", "2020", "--source", "s"])
        for round in 0..<5 {
            let head = Int64(1 + round)
            let writers = try (0..<2).map { writer in
                try ChildProcess(["register-person", "p\(round)-\(writer)", "--name", "P", "--effective", "2020",
                                  "--source", "s", "--expect-head", String(head), "--db", cli.db])
            }
            let statuses = writers.map { $0.finish().status }.sorted()
            #expect(statuses == [0, 65], "round \(round): \(statuses)")
        }
        let store = try EventStore(path: cli.db)
        #expect(try store.head().seq == 6)
        #expect(try store.verify().isValid)
    }

    @Test func concurrentWritersWithoutExpectedHeadAllLandInOneGaplessChain() throws {
        let cli = try CLI()
        let writers = try (0..<4).map { writer in
            try ChildProcess(["stress-append", "--decisions", "25", "--events", "3", "--tag", "w\(writer)", "--db", cli.db])
        }
        let results = writers.map { $0.finish() }
        #expect(results.allSatisfy { $0.status == 0 })
        #expect(results.map(\.lines.count) == [25, 25, 25, 25])
        let store = try EventStore(path: cli.db)
        let events = try store.events()
        #expect(events.map(\.seq) == Array(1...300))
        #expect(Set(events.map(\.id)).count == 300)
        #expect(try store.verify().isValid)
    }

    @Test func readersQueryingDuringAppendsAlwaysSeeAValidChain() throws {
        let cli = try CLI()
        try cli.run(["register-person", "seed", "--name", "Seed", "--effective", "2020", "--source", "s"])
        let writer = try ChildProcess(["stress-append", "--decisions", "60", "--events", "5", "--tag", "w", "--db", cli.db])
        var heads: [Int] = []
        for _ in 0..<8 {
            let verify = try cli.run(["verify", "--format", "json", "--read-only"])
            #expect(verify.status == 0, "\(verify.stderr)")
            let state = try cli.run(["state", "--at", "2021", "--format", "json", "--read-only"])
            #expect(state.status == 0, "\(state.stderr)")
            if let range = verify.stdout.range(of: #""seq":"#) {
                heads.append(Int(verify.stdout[range.upperBound...].prefix { $0.isNumber }) ?? -1)
            }
        }
        #expect(writer.finish().status == 0)
        // Every head a reader saw is a whole number of decisions after the seed: never half a decision.
        #expect(heads.allSatisfy { ($0 - 1) % 5 == 0 })
        #expect(try EventStore(path: cli.db).head().seq == 301)
    }
}
