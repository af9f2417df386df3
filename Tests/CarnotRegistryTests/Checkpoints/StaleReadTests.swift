import Testing
@testable import CarnotRegistry

/// A read of a day after a back-dated decision may start from a checkpoint the decision made stale: it folds
/// the facts after it, then folds again from the entity index the records the decision wrote
/// (`foldedState`). Its answer must be exactly the full fold of the log (`Timeline`), for any day and cut-off.
struct StaleReadTests {
    /// Wide enough that most back-dated decisions fall inside an interval and leave checkpoints stale.
    static let interval = 40

    /// After every decision of a random log, a new process answers the state on random days, as known now and
    /// at a random earlier position, as the full fold does; many of those reads meet a stale checkpoint.
    @Test(arguments: [41, 42, 43] as [UInt64])
    func aReadFromAStaleCheckpointIsTheFullFold(seed: UInt64) throws {
        try Fixture.withFileStore { _, path in
            let writer = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: Self.interval)
            try writer.append(RandomDecisions.world)
            var decisions = RandomDecisions(seed: seed)
            var random = SeededGenerator(seed: seed &+ 1_000)
            let raw = try SQLiteConnection(path: path)
            let nearestIsStale = try raw.statement("""
                SELECT stale_from IS NOT NULL AND stale_from <= ?2 FROM checkpoints WHERE day <= ?1 AND position <= ?2
                ORDER BY day DESC, position DESC LIMIT 1
                """)
            var staleReads = 0
            for _ in 0..<120 {
                try decisions.record(1, into: writer)
                let reader = try EventStore(path: path, access: .read)
                let events = try reader.events()
                for _ in 0..<3 {
                    let day = Day(ordinal: Int32.random(in: day("2006-01-01").ordinal...day("2027-01-01").ordinal, using: &random))
                    let upto = Bool.random(using: &random) ? Int64(events.count) : Int64.random(in: 0...Int64(events.count), using: &random)
                    if try nearestIsStale.first([.integer(Int64(day.ordinal)), .integer(upto)], { $0.integer(0) == 1 }) ?? false {
                        staleReads += 1
                    }
                    let expected = Timeline.state(of: events, at: day, upto: upto)
                    #expect(try reader.state(at: day, knownAt: .position(upto)) == expected,
                            "seed \(seed), head \(events.count), \(day) as known at \(upto)")
                }
            }
            #expect(staleReads >= 20, "seed \(seed): only \(staleReads) reads met a stale checkpoint")
        }
    }

    /// A school renamed by a back-dated event, then merged after the stale checkpoint's day: the read of a day
    /// after the merger builds the new school from the old name's record, which it folds again too.
    @Test func aSchoolMergedAfterTheStaleCheckpointIsFoldedAgain() throws {
        try Fixture.withFileStore { _, path in
            let writer = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: 3)
            try writer.append(RandomDecisions.world)
            for year in 2010...2013 { try writer.append([Draft.renameSchool("s2", to: "Name \(year)", on: "\(year)-01-01")]) }
            try writer.append([Draft.merge(["s1", "s4"], into: "s9", "Merged", on: "2015-01-01")])
            try writer.append([Draft.renameSchool("s3", to: "Later", on: "2016-01-01")])
            // Back-dated: every checkpoint from 2011 on goes stale, and the next interval has not passed.
            try writer.append([Draft.renameSchool("s1", to: "Renamed before the merger", on: "2011-06-01")])
            let raw = try SQLiteConnection(path: path)
            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE day >= \(day("2011-06-01").ordinal) AND stale_from IS NOT NULL") >= 1)

            let reader = try EventStore(path: path, access: .read)
            let events = try reader.events()
            for text in ["2012-01-01", "2015-06-01", "2016-06-01"] {
                let expected = Timeline.state(of: events, at: day(text))
                #expect(try reader.state(at: day(text)) == expected, "\(text)")
            }
            #expect(try reader.state(at: day("2012-01-01")).schools[entity("s1")]?.name == "Renamed before the merger")
        }
    }
}
