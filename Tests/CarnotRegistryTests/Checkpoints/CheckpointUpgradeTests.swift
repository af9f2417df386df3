import Foundation
import Testing
@testable import CarnotRegistry

/// A store of layout 5 keeps checkpoints in `StateCodec` format 1 (office holdings in the order of appointment
/// across offices); opening it to write re-encodes them in format 2, sealed afresh, and deletes a damaged one
/// rather than seal it. Layouts 3 to 6 keep each checkpoint's state inside its row; the upgrade moves it to
/// `checkpoint_states`.
struct CheckpointUpgradeTests {
    /// The bundled history in a store at `path`, with a checkpoint every 20 positions.
    private static func bundledStore(at path: String) throws -> EventStore {
        let folder = try #require(BundledHistory.folder())
        let store = try EventStore(path: path, checkpointInterval: 20)
        _ = try store.importLog(try LogFile.read(folder))
        return store
    }

    /// The table of checkpoints as layouts 3 to 6 made it: each state inside its row.
    private static let rowsWithStates = """
        CREATE TABLE checkpoints (
            day INTEGER NOT NULL,
            position INTEGER NOT NULL,
            stale_from INTEGER,
            state BLOB NOT NULL,
            position_hash TEXT NOT NULL,
            checksum BLOB NOT NULL,
            stale_seal BLOB NOT NULL,
            PRIMARY KEY (day, position)
        )
        """

    /// Rewrites every checkpoint of the file as `layout` wrote it, the state inside the row: for layout 5,
    /// format 1, the offices' groups in reverse order (what a layout-5 fold could leave), sealed; for layout 6,
    /// the same bytes. Returns how many hold offices of several groups.
    private static func downgrade(_ raw: SQLiteConnection, to layout: Int64 = 5) throws -> Int {
        var rows: [(day: Int64, position: Int64, staleFrom: Int64?, hash: String, state: [UInt8])] = []
        try raw.statement("""
            SELECT c.day, c.position, c.stale_from, c.position_hash, s.state
            FROM checkpoints c JOIN checkpoint_states s ON s.day = c.day AND s.position = c.position
            """).query { row in
            rows.append((row.integer(0), row.integer(1), row.isNull(2) ? nil : row.integer(2), row.text(3), row.bytes(4)))
            return true
        }
        try raw.execute("DROP TABLE checkpoint_states; DROP TABLE checkpoints; \(rowsWithStates)")
        var mixed = 0
        for row in rows {
            var bytes = row.state
            if layout == 5 {
                var state = try StateCodec.decode(row.state)
                let reversed = Office.allCases.reversed().flatMap { office in state.offices.filter { $0.office == office } }
                if reversed != state.offices { mixed += 1 }
                state.offices = reversed
                bytes = StateCodec.encode(state)
                bytes[1] = 1
            }
            let checksum = CheckpointSeal.checksum(day: Day(ordinal: Int32(row.day)), position: row.position,
                                                   positionHash: row.hash, state: bytes)
            try raw.statement("""
                INSERT INTO checkpoints (day, position, stale_from, state, position_hash, checksum, stale_seal)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """).execute([.integer(row.day), .integer(row.position), row.staleFrom.map { .integer($0) } ?? .null, .blob(bytes),
                              .text(row.hash), .blob(checksum), .blob(CheckpointSeal.staleSeal(checksum: checksum, staleFrom: row.staleFrom))])
        }
        try raw.execute("PRAGMA user_version = \(layout)")
        return mixed
    }

    /// Layout 5 re-encodes the states (format 1 to 2); both layouts move them out of their rows.
    @Test(arguments: [Int64(5), 6])
    func aStoreOfAnOlderLayoutIsUpgradedAndAnswersAndVerifiesAsBefore(layout: Int64) throws {
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
            let mixed = try Self.downgrade(raw, to: layout)
            if layout == 5 { #expect(mixed >= 5) }
            #expect(throws: StoreError.self) { try EventStore(path: path, access: .read) }

            let upgraded = try EventStore(path: path, checkpointInterval: 20)

            #expect(upgraded.upgradedFromLayout == layout)
            #expect(try EventStore(path: path, checkpointInterval: 20).upgradedFromLayout == nil, "already upgraded")
            #expect(try raw.integer("PRAGMA user_version") == StoreSchema.version)
            #expect(try raw.integer("SELECT count(*) FROM checkpoints") == count)
            #expect(try raw.integer("SELECT count(*) FROM checkpoint_states WHERE substr(state, 2, 1) = x'02'") == count)
            #expect(try days.map { try upgraded.state(at: $0) } == answers)
            let report = try upgraded.verify()
            #expect(report.isValid, "\(report)")
        }
    }

    /// A back-dated decision marks the checkpoints after its day stale in their rows; their states stay as
    /// they were written (a stale checkpoint still holds the records the decision did not write).
    @Test func aStaleMarkLeavesTheCheckpointsStateAsWritten() throws {
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("store.sqlite").path
            let store = try Self.bundledStore(at: path)
            let raw = try SQLiteConnection(path: path)
            func states() throws -> [[SQLiteValue]] {
                var rows: [[SQLiteValue]] = []
                try raw.statement("SELECT day, position, state FROM checkpoint_states ORDER BY day, position").query { row in
                    rows.append([.integer(row.integer(0)), .integer(row.integer(1)), .blob(row.bytes(2))])
                    return true
                }
                return rows
            }
            let before = try states()
            let stale = { try raw.integer("SELECT count(*) FROM checkpoints WHERE stale_from IS NOT NULL") }
            let staleBefore = try stale()

            try store.append([Draft.renameInstitute("mines", to: "Carnot Mines 2010", on: "2010-01-01")])

            #expect(try stale() > staleBefore)
            let after = try states()
            #expect(Set(before.map { "\($0)" }).isSubset(of: Set(after.map { "\($0)" })))
            #expect(try store.verify().isValid)
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
            #expect(try raw.integer("SELECT count(*) FROM checkpoint_states") == count - 1)
            let report = try upgraded.verify()
            #expect(report.isValid, "\(report)")
        }
    }
}
