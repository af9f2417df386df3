import Foundation
import Testing
@testable import CarnotRegistry

/// `verify` reads the state each checkpoint must hold from its replay while the replay's import passes the
/// checkpoint's position (`CheckpointProbes`). A store whose checkpoints a back-dated decision left stale must
/// still verify, and a checkpoint re-sealed over a wrong state, or with its stale mark moved, must still fail.
struct VerifyStaleCheckpointTests {
    /// A store with checkpoints every 3 positions and a back-dated rename at the head, which leaves every
    /// checkpoint from 2008 on stale.
    static func withStaleStore<T>(_ body: (EventStore, String) throws -> T) throws -> T {
        try Fixture.withFileStore { _, path in
            let store = try EventStore(path: path, environment: FixedEnvironment(), checkpointInterval: 3)
            try store.append(RandomDecisions.world)
            for year in 2009...2016 { try store.append([Draft.renameSchool("s2", to: "Name \(year)", on: "\(year)-01-01")]) }
            try store.append([Draft.renameSchool("s3", to: "Back-dated", on: "2008-06-01")])
            return try body(store, path)
        }
    }

    /// The stale checkpoints, (day, position, stale mark), in position order.
    static func staleRows(_ raw: SQLiteConnection) throws -> [(day: Int64, position: Int64, staleFrom: Int64)] {
        var rows: [(Int64, Int64, Int64)] = []
        try raw.statement("SELECT day, position, stale_from FROM checkpoints WHERE stale_from IS NOT NULL ORDER BY position, day").query { row in
            rows.append((row.integer(0), row.integer(1), row.integer(2)))
            return true
        }
        return rows
    }

    /// Writes `state` into the checkpoint (`day`, `position`) with the stale mark `staleFrom`, sealed as the
    /// store would seal it: only a recomputation of the state can tell.
    static func reseal(_ raw: SQLiteConnection, day: Int64, position: Int64, state: [UInt8], staleFrom: Int64?) throws {
        let positionHash = try raw.statement("SELECT position_hash FROM checkpoints WHERE day = ?1 AND position = ?2")
            .first([.integer(day), .integer(position)]) { $0.text(0) }!
        let checksum = CheckpointSeal.checksum(day: Day(ordinal: Int32(day)), position: position, positionHash: positionHash, state: state)
        try raw.statement("UPDATE checkpoints SET checksum = ?1, stale_from = ?2, stale_seal = ?3 WHERE day = ?4 AND position = ?5")
            .execute([.blob(checksum), staleFrom.map { .integer($0) } ?? .null,
                      .blob(CheckpointSeal.staleSeal(checksum: checksum, staleFrom: staleFrom)), .integer(day), .integer(position)])
        try raw.statement("UPDATE checkpoint_states SET state = ?1 WHERE day = ?2 AND position = ?3")
            .execute([.blob(state), .integer(day), .integer(position)])
    }

    @Test func aStoreWithStaleCheckpointsVerifies() throws {
        try Self.withStaleStore { store, path in
            let raw = try SQLiteConnection(path: path)
            #expect(try Self.staleRows(raw).count >= 2)
            let report = try store.verify()
            #expect(report.isValid, "\(String(describing: report.failure))")
        }
    }

    @Test func aStaleCheckpointResealedOverAnotherStateIsFound() throws {
        try Self.withStaleStore { store, path in
            let raw = try SQLiteConnection(path: path)
            let rows = try Self.staleRows(raw)
            let victim = try #require(rows.first), donor = try #require(rows.last)
            let stateOf = try raw.statement("SELECT state FROM checkpoint_states WHERE day = ?1 AND position = ?2")
            let state = try stateOf.first([.integer(donor.day), .integer(donor.position)]) { $0.bytes(0) }!
            let own = try stateOf.first([.integer(victim.day), .integer(victim.position)]) { $0.bytes(0) }!
            try #require(state != own)
            try Self.reseal(raw, day: victim.day, position: victim.position, state: state, staleFrom: victim.staleFrom)
            let failure = try #require(try store.verify().failure)
            #expect(failure.seq == victim.position)
            #expect(failure.reason.contains("differs from the state the log gives"), "\(failure.reason)")
        }
    }

    @Test func aStaleMarkRemovedIsFound() throws {
        try Self.withStaleStore { store, path in
            let raw = try SQLiteConnection(path: path)
            let victim = try #require(try Self.staleRows(raw).first)
            let state = try raw.statement("SELECT state FROM checkpoint_states WHERE day = ?1 AND position = ?2")
                .first([.integer(victim.day), .integer(victim.position)]) { $0.bytes(0) }!
            try Self.reseal(raw, day: victim.day, position: victim.position, state: state, staleFrom: nil)
            let failure = try #require(try store.verify().failure)
            #expect(failure.seq == victim.position)
            #expect(failure.reason.contains("stale mark was removed or moved"), "\(failure.reason)")
        }
    }
}
