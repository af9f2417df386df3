import Testing
@testable import CarnotRegistry

/// Point-in-time answers from checkpoints must be exactly those of a full fold of the log (`Timeline`), for
/// any valid-time day and any record-time cut-off, whatever back-dated events and corrections the log holds.
struct CheckpointPropertyTests {
    /// Checkpoints every few positions, so that a small log has many, and back-dated events stale them.
    static let interval = 4

    private static func randomLog(seed: UInt64, decisions: Int, in store: EventStore) throws {
        try store.append(RandomDecisions.world)
        var decisionsOf = RandomDecisions(seed: seed)
        try decisionsOf.record(decisions, into: store)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func answersFromCheckpointsEqualTheFullFold(seed: UInt64) throws {
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment(), checkpointInterval: Self.interval)
        try Self.randomLog(seed: seed, decisions: 150, in: store)
        let events = try store.events()
        #expect(events.contains { $0.event.isCorrection })
        var random = SeededGenerator(seed: seed &* 7919)
        var decisions = RandomDecisions(seed: seed)
        for _ in 0..<60 {
            let at = day(decisions.anyDay())
            let upto = Int64.random(in: 0...Int64(events.count), using: &random)
            #expect(try store.state(at: at, knownAt: .position(upto)) == Timeline.state(of: events, at: at, upto: upto),
                    "seed \(seed), at \(at), known at \(upto)")
            #expect(try store.state(at: at) == Timeline.state(of: events, at: at), "seed \(seed), at \(at), known now")
        }
        #expect(try store.currentState() == Timeline.state(of: events, at: .latest))
        #expect(try store.replay() == Timeline.state(of: events, at: .latest))
    }

    /// A second process opening the file reads the checkpoints the first wrote (stale ones included) and
    /// must give the same answers.
    @Test(arguments: [11, 12] as [UInt64])
    func anotherProcessReadingTheFileGivesTheSameAnswers(seed: UInt64) throws {
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            let writer = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: Self.interval)
            try Self.randomLog(seed: seed, decisions: 120, in: writer)
            let reader = try EventStore(path: path, readOnly: true)
            let events = try reader.events()
            var decisions = RandomDecisions(seed: seed)
            for _ in 0..<40 {
                let at = day(decisions.anyDay())
                #expect(try reader.state(at: at) == Timeline.state(of: events, at: at), "seed \(seed), at \(at)")
            }
            // The reader's own appends continue from the checkpoints as the writer left them.
            let second = try EventStore(path: path, environment: FixedEnvironment(start: Timestamp(startOf: day("2026-06-01")), writer: 1),
                                        checkpointInterval: Self.interval)
            var more = RandomDecisions(seed: seed + 100)
            try more.record(60, into: second)
            let all = try second.events()
            for _ in 0..<40 {
                let at = day(decisions.anyDay())
                #expect(try second.state(at: at) == Timeline.state(of: all, at: at), "seed \(seed), at \(at)")
                #expect(try writer.state(at: at) == Timeline.state(of: all, at: at), "seed \(seed), at \(at)")
            }
        }
    }

    /// Every checkpoint row holds exactly the state it claims: the fold of the log on its day, as known at
    /// its position.
    @Test func everyCheckpointIsTheStateItClaims() throws {
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            let writer = try EventStore(path: path, environment: FixedEnvironment(start: Timestamp(startOf: day("2026-02-01"))),
                                        checkpointInterval: Self.interval)
            try Self.randomLog(seed: 21, decisions: 150, in: writer)
            let events = try writer.events()
            let raw = try SQLiteConnection(path: path)
            var rows = 0
            try raw.statement("SELECT day, position, state FROM checkpoint_states").query { row in
                let day = Day(ordinal: Int32(row.integer(0)))
                let state = try row.withBytes(2) { try StateCodec.decode(UnsafeRawBufferPointer($0)) }
                #expect(state == Timeline.state(of: events, at: day, upto: row.integer(1)), "checkpoint \(day)@\(row.integer(1))")
                rows += 1
                return true
            }
            #expect(rows >= 5)
        }
    }

    /// A back-dated event marks stale the checkpoints on or after its day, from its position, and no other.
    @Test func aBackDatedEventInvalidatesExactlyTheCheckpointsOnOrAfterItsDay() throws {
        try Fixture.withFileStore { _, path in
            let store = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: 2)
            try store.append(RandomDecisions.world)
            // One rename a year, in order: checkpoints at the front of valid time as the years pass.
            for year in 2007...2020 { try store.append([Draft.renameInstitute("i1", to: "Name \(year)", on: "\(year)-06-01")]) }
            let raw = try SQLiteConnection(path: path)
            /// The checkpoints written before `position`.
            func stale(before position: Int64 = .max) throws -> [Day: Int64?] {
                var result: [Day: Int64?] = [:]
                try raw.statement("SELECT day, stale_from FROM checkpoints WHERE position < ?1").query([.integer(position)]) { row in
                    result[Day(ordinal: Int32(row.integer(0)))] = row.isNull(1) ? nil : row.integer(1)
                    return true
                }
                return result
            }
            let before = try stale()
            #expect(before.count >= 5)
            #expect(before.values.allSatisfy { $0 == nil })

            let head = try store.append([Draft.renameInstitute("i2", to: "Late", on: "2012-01-01")]).lastSeq

            for (checkpointDay, staleFrom) in try stale(before: head) {
                #expect(staleFrom == (checkpointDay >= day("2012-01-01") ? head : nil), "checkpoint of \(checkpointDay)")
            }
            // An interval (2) has passed since the last checkpoint: the front one is written again at the new
            // head (inside an interval it is left stale; see `StaleFrontLoadTests`).
            let front = try raw.statement("SELECT stale_from IS NULL FROM checkpoints WHERE day = ?1 AND position = ?2")
                .first([.integer(Int64(day("2020-06-01").ordinal)), .integer(head)]) { $0.integer(0) == 1 }
            #expect(front == true)
            // Known before the back-dated event, the stale checkpoints still answer; known after, they do not.
            let events = try store.events()
            #expect(try store.state(at: "2015-01-01", knownAt: .position(head - 1)) == Timeline.state(of: events, at: day("2015-01-01"), upto: head - 1))
            #expect(try store.state(at: "2015-01-01").institutes[entity("i2")]?.name == "Late")
        }
    }

    /// An event on the day of the front checkpoint, after every fact, is applied to the state the process holds
    /// (no refold, no new checkpoint), but that checkpoint no longer holds: every answer on that day, from this
    /// process or another, includes the event.
    @Test func anEventOnTheFrontCheckpointsDayMakesItStaleAndEveryAnswerIncludesIt() throws {
        try Fixture.withFileStore { _, path in
            let store = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: 2)
            try store.append(RandomDecisions.world)
            for year in 2007...2014 { try store.append([Draft.renameInstitute("i1", to: "Name \(year)", on: "\(year)-06-01")]) }
            // A back-dated event an interval (2) after the last checkpoint has the front checkpoint written again
            // at the latest fact's day.
            try store.append([Draft.renameInstitute("i2", to: "Back-dated", on: "2010-01-01")])
            let raw = try SQLiteConnection(path: path)
            let front = day("2014-06-01")
            #expect(try raw.integer("SELECT max(day) FROM checkpoints") == Int64(front.ordinal))

            let head = try store.append([Draft.renameInstitute("i2", to: "Same day", on: "2014-06-01")]).lastSeq

            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE day = \(front.ordinal) AND stale_from IS NULL") == 0)
            let everything = Timeline.state(of: try store.events(), at: front, upto: head)
            #expect(everything.institutes[entity("i2")]?.name == "Same day")
            #expect(try store.currentState() == everything)
            #expect(try store.state(at: "2014-06-01") == everything)
            let reader = try EventStore(path: path, access: .read)
            #expect(try reader.currentState() == everything)
            #expect(try reader.state(at: front) == everything)
        }
    }
}
