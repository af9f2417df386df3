import Foundation
import Testing
@testable import CarnotRegistry

/// An import leaves the checkpoints near the front stale while it runs (`EventStore.importStaleLag`) and writes
/// them at its end: the store it leaves must answer, and hold checkpoints, exactly as one that wrote every
/// stale day at each interval.
struct ImportCheckpointTests {
    @Test(arguments: [32, 33] as [UInt64])
    func anImportWritesTheStaleDaysNearTheFrontAtItsEndEachTheStateItClaims(seed: UInt64) throws {
        try Fixture.withTemporaryFolder { folder in
            let source = try EventStore(path: ":memory:", environment: FixedEnvironment(), checkpointInterval: 4)
            try source.append(RandomDecisions.world)
            var decisions = RandomDecisions(seed: seed)
            try decisions.record(300, into: source)
            let events = try source.events()
            _ = try LogFile.write(events, to: folder.appendingPathComponent("log").path)

            let path = folder.appendingPathComponent("registry.sqlite").path
            let store = try EventStore(path: path, environment: FixedEnvironment(start: Timestamp(startOf: day("2026-12-01"))),
                                       checkpointInterval: 4)
            let reader = try LogFile.Reader(folder.appendingPathComponent("log").path)
            _ = try store.importLog(from: reader.next)

            let raw = try SQLiteConnection(path: path)
            // The front as the checkpoints see it: the day of the newest one.
            let front = try #require(try raw.statement("SELECT max(day) FROM checkpoints").first { Day(ordinal: Int32($0.integer(0))) })
            var staleDays = Set<Day>()
            try raw.statement("SELECT c.day, c.position, s.state, c.stale_from FROM checkpoints c JOIN checkpoint_states s USING (day, position)").query { row in
                let day = Day(ordinal: Int32(row.integer(0)))
                let state = try row.withBytes(2) { try StateCodec.decode(UnsafeRawBufferPointer($0)) }
                #expect(state == Timeline.state(of: events, at: day, upto: row.integer(1)), "checkpoint \(day)@\(row.integer(1))")
                if !row.isNull(3) { staleDays.insert(day) }
                return true
            }
            // Without the rewrite at the end, the days that back-dated events reached since the last interval, and
            // those near the front, stay stale.
            #expect(staleDays.isSubset(of: [front]), "stale days left: \(staleDays.sorted())")
            let last = try #require(events.map(\.effective).max())
            for offset in stride(from: -30, through: 60, by: 3) {
                let at = min(front, last).adding(days: -offset)
                #expect(try store.state(at: at) == Timeline.state(of: events, at: at), "seed \(seed), at \(at)")
            }
            #expect(try store.verify().isValid)
        }
    }

    /// The ring of facts a write inserted keeps the newest `capacity` positions, and only those.
    @Test func recentFactsKeepTheNewestPositionsOnly() {
        var recent = RecentFacts()
        let fact = { (seq: Int64) in
            StoredFact(event: .instituteRenamed(institute: EntityID("i\(seq)")!, name: "N\(seq)"), effective: Day(ordinal: Int32(seq)),
                       precision: .day)
        }
        #expect(recent.fact(at: 1) == nil)
        let last = Int64(RecentFacts.capacity) + 500
        for seq in 1...last { recent.remember(fact(seq), at: seq) }
        #expect(recent.fact(at: last) == fact(last))
        #expect(recent.fact(at: last - Int64(RecentFacts.capacity) + 1) == fact(last - Int64(RecentFacts.capacity) + 1))
        #expect(recent.fact(at: last - Int64(RecentFacts.capacity)) == nil)
        #expect(recent.fact(at: 1) == nil)
        recent.removeAll()
        #expect(recent.fact(at: last) == nil)
    }
}
