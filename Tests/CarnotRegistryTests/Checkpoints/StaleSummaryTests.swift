import Testing
@testable import CarnotRegistry

/// A new process walks back through stale checkpoints to one that still holds the records its front does
/// not; it rules most of them out by a lookup per record (`writesAny`) instead of building each one's set of
/// records written (`recordsWritten`). The two must agree on every range, day and set of records, or the
/// walk goes further back than it need (or, were the lookup to miss a record, the check after it catches it).
struct StaleSummaryTests {
    @Test(arguments: [41, 42] as [UInt64])
    func whetherEventsWroteAnyOfSomeRecordsIsWhatTheirRecordsSay(seed: UInt64) throws {
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment(), checkpointInterval: 4)
        try store.append(RandomDecisions.world)
        var decisions = RandomDecisions(seed: seed)
        try decisions.record(200, into: store)
        let events = try store.events()
        let head = try #require(events.last).seq
        let records = Array(Set(events.flatMap { $0.event.recordKeys })).sorted()
        #expect(events.contains { $0.event.isCorrection }, "the log holds corrections or retractions")
        var random = SeededGenerator(seed: seed)
        var (anyWritten, noneWritten, untold) = (0, 0, 0)
        // Outside a write, then inside one, where what each position writes is kept between questions.
        for inWrite in [false, true] {
            func ask(_ round: Int) throws {
                let first = Int64.random(in: 1...head, using: &random)
                // Short ranges: a correction or retraction anywhere in a range leaves the question untold.
                let upto = min(head, first + Int64.random(in: 0...12, using: &random))
                let day = try #require(events.randomElement(using: &random)).effective
                var probe = Set(records.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
                // Half the time, a record some event of the range writes.
                if Bool.random(using: &random), let key = events[Int(first - 1)...Int(upto - 1)].randomElement(using: &random)?.event.recordKeys.first {
                    probe.insert(key)
                }
                // A checkpoint position of its own per question: `recordsWritten` keeps its answers by checkpoint.
                let written = try store.recordsWritten(since: first, upto: upto, onOrBefore: day, checkpoint: 1_000_000 + Int64(round))
                let any = try store.writesAny(of: probe, since: first, upto: upto, onOrBefore: day)
                #expect(any == written.map { !$0.isDisjoint(with: probe) }, "\(first)...\(upto) on \(day), \(probe)")
                switch any {
                case true?: anyWritten += 1
                case false?: noneWritten += 1
                case nil: untold += 1
                }
            }
            if inWrite {
                try store.connection.transaction { for round in 0..<300 { try ask(round) } }
            } else {
                for round in 0..<300 { try ask(round) }
            }
        }
        #expect(anyWritten > 20 && noneWritten > 20 && untold > 20, "\(anyWritten) \(noneWritten) \(untold)")
    }
}
