import CarnotRegistry
import Foundation
import Testing

/// A decision reported committed survives `kill -9`, and no decision is ever there in part.
@Suite struct CrashSafetyTests {
    static let eventsPerDecision = 4

    @Test func killingAWriterAtRandomMomentsNeverLosesACommitOrLeavesHalfADecision() throws {
        let cli = try CLI()
        var random = SeededGenerator(seed: 20_061_231)
        var reported: [String: ClosedRange<Int64>] = [:]
        for run in 0..<50 {
            let child = try ChildProcess(["stress-append", "--decisions", "100000", "--events", String(Self.eventsPerDecision),
                                          "--tag", "run\(run)", "--db", cli.db])
            // Let it commit a random number of decisions, then kill it wherever it is.
            let commits = Int.random(in: 0...12, using: &random)
            var lines: [String] = []
            for _ in 0..<commits { if let line = child.readLine() { lines.append(line) } }
            lines += child.kill()
            for line in lines {
                let parts = line.split(separator: " ")
                guard parts.count == 3, parts[0] == "committed" else { continue }
                let bounds = parts[1].split(separator: "-").compactMap { Int64($0) }
                reported[String(parts[2])] = bounds[0]...bounds[1]
            }

            let store = try EventStore(path: cli.db)
            let report = try store.verify()
            #expect(report.isValid, "run \(run): \(String(describing: report.failure))")
            let events = try store.events()
            var perDecision: [String: [Int64]] = [:]
            for event in events {
                guard case .personRegistered(let person, _, _) = event.event else { continue }
                let decision = person.rawValue.split(separator: "-").dropLast().joined(separator: "-")
                perDecision[decision, default: []].append(event.seq)
            }
            for (decision, positions) in perDecision {
                #expect(positions.count == Self.eventsPerDecision, "run \(run): decision \(decision) is there in part")
            }
            for (decision, range) in reported {
                #expect(perDecision[decision] == Array(range), "run \(run): committed decision \(decision) is missing")
            }
        }
        #expect(reported.count > 50)
    }
}
