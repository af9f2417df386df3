import Foundation
import Testing
@testable import CarnotRegistry

/// A store of layout 5 keeps checkpoints in `StateCodec` format 1 (office holdings in the order of appointment
/// across offices); opening it to write re-encodes them in format 2, sealed afresh, and deletes a damaged one
/// rather than seal it.
struct CheckpointUpgradeTests {
    /// The bundled history in a store at `path`, with a checkpoint every 20 positions.
    private static func bundledStore(at path: String) throws -> EventStore {
        let folder = try #require(BundledHistory.folder())
        let store = try EventStore(path: path, checkpointInterval: 20)
        _ = try store.importLog(try LogFile.read(folder))
        return store
    }

    /// Rewrites every checkpoint of the file as layout 5 wrote it: format 1, the offices' groups in reverse
    /// order (what a layout-5 fold could leave), sealed. Returns how many hold offices of several groups.
    private static func downgrade(_ raw: SQLiteConnection) throws -> Int {
        var rows: [(day: Int64, position: Int64, staleFrom: Int64?, hash: String, state: [UInt8])] = []
        try raw.statement("SELECT day, position, stale_from, position_hash, state FROM checkpoints").query { row in
            rows.append((row.integer(0), row.integer(1), row.isNull(2) ? nil : row.integer(2), row.text(3), row.bytes(4)))
            return true
        }
        var mixed = 0
        for row in rows {
            var state = try StateCodec.decode(row.state)
            let reversed = Office.allCases.reversed().flatMap { office in state.offices.filter { $0.office == office } }
            if reversed != state.offices { mixed += 1 }
            state.offices = reversed
            var bytes = StateCodec.encode(state)
            bytes[1] = 1
            let checksum = CheckpointSeal.checksum(day: Day(ordinal: Int32(row.day)), position: row.position,
                                                   positionHash: row.hash, state: bytes)
            try raw.statement("UPDATE checkpoints SET state = ?1, checksum = ?2, stale_seal = ?3 WHERE day = ?4 AND position = ?5")
                .execute([.blob(bytes), .blob(checksum), .blob(CheckpointSeal.staleSeal(checksum: checksum, staleFrom: row.staleFrom)),
                          .integer(row.day), .integer(row.position)])
        }
        try raw.execute("PRAGMA user_version = 5")
        return mixed
    }

    @Test func aLayoutFiveStoreIsReencodedOnUpgradeAndAnswersAndVerifiesAsBefore() throws {
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("old.sqlite").path
            let days = ["2006-12-31", "2011-04-28", "2016-07-06", "2020-02-07", "2026-11-21"].map(day)
            let answers = try { () throws -> [RegistryState] in
                let store = try Self.bundledStore(at: path)
                return try days.map { try store.state(at: $0) }
            }()
            let raw = try SQLiteConnection(path: path)
            let count = try raw.integer("SELECT count(*) FROM checkpoints")
            #expect(count >= 5)
            #expect(try Self.downgrade(raw) >= 5)
            #expect(throws: StoreError.self) { try EventStore(path: path, access: .read) }

            let upgraded = try EventStore(path: path, checkpointInterval: 20)

            #expect(upgraded.upgradedFromLayout == 5)
            #expect(try EventStore(path: path, checkpointInterval: 20).upgradedFromLayout == nil, "already upgraded")
            #expect(try raw.integer("PRAGMA user_version") == StoreSchema.version)
            #expect(try raw.integer("SELECT count(*) FROM checkpoints") == count)
            #expect(try raw.integer("SELECT count(*) FROM checkpoints WHERE substr(state, 2, 1) = x'02'") == count)
            #expect(try days.map { try upgraded.state(at: $0) } == answers)
            let report = try upgraded.verify()
            #expect(report.isValid, "\(report)")
        }
    }

    @Test func aDamagedCheckpointIsDeletedOnUpgradeNotSealedAgain() throws {
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("old.sqlite").path
            _ = try Self.bundledStore(at: path)
            let raw = try SQLiteConnection(path: path)
            _ = try Self.downgrade(raw)
            let count = try raw.integer("SELECT count(*) FROM checkpoints")
            // One byte of one state changed after it was sealed: its checksum no longer matches.
            try raw.execute("""
                UPDATE checkpoints SET state = substr(state, 1, 10) || x'00' || substr(state, 12)
                WHERE (day, position) = (SELECT day, position FROM checkpoints ORDER BY day LIMIT 1 OFFSET 3)
                """)

            let upgraded = try EventStore(path: path, checkpointInterval: 20)

            #expect(try raw.integer("SELECT count(*) FROM checkpoints") == count - 1)
            let report = try upgraded.verify()
            #expect(report.isValid, "\(report)")
        }
    }
}
