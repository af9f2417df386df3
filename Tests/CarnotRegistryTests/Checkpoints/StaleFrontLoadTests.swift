import Testing
@testable import CarnotRegistry

/// A back-dated decision leaves the front checkpoint stale instead of writing it again; a process that loads
/// starts from it and folds again the records the back-dated events wrote. Its state must be exactly the
/// full fold of the log (`Timeline`), whatever those events and the facts after them did.
struct StaleFrontLoadTests {
    /// Wide enough that most back-dated decisions fall inside an interval and leave the front stale.
    static let interval = 40

    /// After every decision of a random log, a new process's state after every fact is the full fold's, and
    /// some of those loads start from a stale front checkpoint.
    @Test(arguments: [31, 32, 33] as [UInt64])
    func aProcessThatLoadsAfterBackDatedDecisionsHasTheFullFoldsState(seed: UInt64) throws {
        try Fixture.withFileStore { _, path in
            let writer = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: Self.interval)
            try writer.append(RandomDecisions.world)
            var decisions = RandomDecisions(seed: seed)
            let raw = try SQLiteConnection(path: path)
            var staleLoads = 0
            for _ in 0..<150 {
                try decisions.record(1, into: writer)
                let newest = try raw.statement("SELECT stale_from IS NOT NULL FROM checkpoints ORDER BY day DESC, position DESC LIMIT 1")
                    .first { $0.integer(0) == 1 } ?? false
                if newest { staleLoads += 1 }
                let reader = try EventStore(path: path, access: .read)
                let events = try reader.events()
                #expect(try reader.currentState() == Timeline.state(of: events, at: .latest), "seed \(seed), head \(events.count)")
            }
            #expect(staleLoads >= 10, "seed \(seed): only \(staleLoads) loads started from a stale front")
        }
    }

    /// A school renamed by a back-dated event, then merged after the front checkpoint's day: the fold from the
    /// stale checkpoint builds the new school from the old name's record, which the loader folds again too.
    @Test func aSchoolMergedAfterTheStaleFrontIsFoldedAgain() throws {
        try Fixture.withFileStore { _, path in
            let writer = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: 3)
            try writer.append(RandomDecisions.world)
            for year in 2010...2012 { try writer.append([Draft.renameSchool("s2", to: "Name \(year)", on: "\(year)-01-01")]) }
            // Its interval passed: the checkpoints are written before it, the front one on 2012-01-01.
            try writer.append([Draft.renameSchool("s3", to: "Third", on: "2013-01-01")])
            let front = day("2012-01-01")
            let raw = try SQLiteConnection(path: path)
            #expect(try raw.integer("SELECT max(day) FROM checkpoints") == Int64(front.ordinal))
            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE day = \(front.ordinal) AND stale_from IS NULL") == 1)

            try writer.append([Draft.affiliate("s1", to: "i2", on: "2011-01-01")])
            try writer.append([Draft.merge(["s1", "s4"], into: "s9", "Merged", on: "2015-01-01")])

            // The front of 2012 went stale and was not written again.
            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE day = \(front.ordinal) AND stale_from IS NULL") == 0)
            let reader = try EventStore(path: path, access: .read)
            let everything = Timeline.state(of: try reader.events(), at: .latest)
            #expect(everything.schools[entity("s9")]?.affiliations[entity("i2")] != nil)
            #expect(try reader.currentState() == everything)
        }
    }

    /// A decision whose back-dated events change more records than a loader should fold again has the front
    /// written again at its head; a smaller one leaves it stale.
    @Test func aBackDatedDecisionOfManyRecordsWritesTheFrontAgain() throws {
        try Fixture.withFileStore { _, path in
            let writer = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: 200)
            let schools = (1...EventStore.loaderRefoldLimit + 1).map { "school-\($0)" }
            try writer.append(schools.map { Draft.registerSchool($0, "School \($0)", on: "2010-01-01") })
            // One rename a day: the checkpoints are written at position 200, and no interval passes below.
            let start = day("2010-01-02")
            try writer.append((0..<150).map { Draft.renameSchool("school-1", to: "Name \($0)", on: start.adding(days: $0).description) })
            let raw = try SQLiteConnection(path: path)
            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE position = 200 AND stale_from IS NULL") >= 1)
            let few = try writer.append(schools.prefix(3).map { Draft.renameSchool($0, to: "\($0) renamed", on: "2010-03-01") }).lastSeq
            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE position = \(few)") == 0)
            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE position = 200 AND stale_from IS NULL") == 0)
            let many = try writer.append(schools.map { Draft.renameSchool($0, to: "\($0) again", on: "2010-03-15") }).lastSeq
            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE position = \(many) AND stale_from IS NULL") == 1)
            let reader = try EventStore(path: path, access: .read)
            #expect(try reader.currentState() == Timeline.state(of: try reader.events(), at: .latest))
        }
    }

    /// A correction is not learned from the events after a stale checkpoint: the front is written again.
    @Test func aCorrectionWritesTheFrontAgain() throws {
        try Fixture.withFileStore { _, path in
            let writer = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: 3)
            try writer.append(RandomDecisions.world)
            for year in 2010...2013 { try writer.append([Draft.renameSchool("s2", to: "Name \(year)", on: "\(year)-01-01")]) }
            let renamed = try writer.head().seq
            let raw = try SQLiteConnection(path: path)
            let back = try writer.append([Draft.renameSchool("s3", to: "Back-dated", on: "2011-06-01")]).lastSeq
            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE position = \(back)") == 0)
            let corrected = try writer.append([Draft.correct(renamed, with: Draft.renameSchool("s2", to: "Right", on: "2013-01-01"),
                                                             on: "2013-01-01")]).lastSeq
            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE position = \(corrected) AND stale_from IS NULL") == 1)
            let reader = try EventStore(path: path, access: .read)
            #expect(try reader.currentState() == Timeline.state(of: try reader.events(), at: .latest))
            #expect(try reader.currentState().schools[entity("s2")]?.name == "Right")
        }
    }
}
