extension EventStore {
    /// Writes every checkpoint of a store of layout 3 to 5 again in the current `StateCodec` format (version 2
    /// groups the office holdings by office), with its checksum and stale seal computed afresh; its stale mark
    /// is kept.
    ///
    /// Only a checkpoint whose checksum, stale seal and log hash match is written again, so that the upgrade
    /// never seals a damaged or tampered row; the others are deleted, as a read inside a write deletes them:
    /// checkpoints are a cache derived from the log, and the next interval writes new ones.
    func reencodeCheckpoints() throws {
        var rows: [(day: Day, position: Int64, staleFrom: Int64?, positionHash: String)] = []
        try connection.statement("SELECT day, position, stale_from, position_hash FROM checkpoints ORDER BY day, position").query { row in
            rows.append((Day(ordinal: Int32(row.integer(0))), row.integer(1), row.isNull(2) ? nil : row.integer(2), row.text(3)))
            return true
        }
        let update = try connection.statement(
            "UPDATE checkpoints SET state = ?1, checksum = ?2, stale_seal = ?3 WHERE day = ?4 AND position = ?5")
        let delete = try connection.statement("DELETE FROM checkpoints WHERE day = ?1 AND position = ?2")
        for row in rows {
            let key: [SQLiteValue] = [.integer(Int64(row.day.ordinal)), .integer(row.position)]
            guard let state = try sealedState(day: row.day, position: row.position) else {
                try delete.execute(key)
                continue
            }
            let bytes = StateCodec.encode(state)
            let checksum = CheckpointSeal.checksum(day: row.day, position: row.position, positionHash: row.positionHash, state: bytes)
            try update.execute([.blob(bytes), .blob(checksum), .blob(CheckpointSeal.staleSeal(checksum: checksum, staleFrom: row.staleFrom))] + key)
        }
        forgetWriteCaches()
    }
}
