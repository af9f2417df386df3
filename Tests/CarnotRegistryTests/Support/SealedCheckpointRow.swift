@testable import CarnotRegistry

/// One row of a store's checkpoint table, read raw, for tests that rewrite a checkpoint's state and seal it
/// again (as a faulty or older build could have written it).
struct SealedCheckpointRow {
    let day: Int64
    let position: Int64
    let staleFrom: Int64?
    let positionHash: String
    let state: [UInt8]

    /// Every checkpoint row of the file.
    static func all(_ raw: SQLiteConnection) throws -> [SealedCheckpointRow] {
        var rows: [SealedCheckpointRow] = []
        try raw.statement("SELECT day, position, stale_from, position_hash, state FROM checkpoints").query { row in
            rows.append(SealedCheckpointRow(day: row.integer(0), position: row.integer(1), staleFrom: row.isNull(2) ? nil : row.integer(2),
                                            positionHash: row.text(3), state: row.bytes(4)))
            return true
        }
        return rows
    }

    /// Replaces this row's state with `bytes`, its checksum and stale seal made to match.
    func reseal(_ bytes: [UInt8], in raw: SQLiteConnection) throws {
        let checksum = CheckpointSeal.checksum(day: Day(ordinal: Int32(day)), position: position,
                                               positionHash: positionHash, state: bytes)
        try raw.statement("UPDATE checkpoints SET state = ?1, checksum = ?2, stale_seal = ?3 WHERE day = ?4 AND position = ?5")
            .execute([.blob(bytes), .blob(checksum), .blob(CheckpointSeal.staleSeal(checksum: checksum, staleFrom: staleFrom)),
                      .integer(day), .integer(position)])
    }
}
