extension EventStore {
    /// Writes every checkpoint of a store of layout 3 to 5 (its states already apart,
    /// `separateCheckpointStates`) again in the current `StateCodec` format (version 2 groups the office
    /// holdings by office), with its checksum and stale seal computed afresh; its stale mark is kept.
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
        let update = try connection.statement("UPDATE checkpoints SET checksum = ?1, stale_seal = ?2 WHERE day = ?3 AND position = ?4")
        let updateState = try connection.statement("UPDATE checkpoint_states SET state = ?1 WHERE day = ?2 AND position = ?3")
        for row in rows {
            let key: [SQLiteValue] = [.integer(Int64(row.day.ordinal)), .integer(row.position)]
            guard let state = try sealedState(day: row.day, position: row.position) else {
                try deleteCheckpoint(day: Int64(row.day.ordinal), position: row.position)
                continue
            }
            let bytes = StateCodec.encode(state)
            let checksum = CheckpointSeal.checksum(day: row.day, position: row.position, positionHash: row.positionHash, state: bytes)
            try update.execute([.blob(checksum), .blob(CheckpointSeal.staleSeal(checksum: checksum, staleFrom: row.staleFrom))] + key)
            try updateState.execute([.blob(bytes)] + key)
        }
        forgetWriteCaches()
    }

    /// Moves the states of the checkpoints of a store of layout 3 to 6 out of their rows into
    /// `checkpoint_states` (layout 7), and makes the table of rows anew as a new store has it. Nothing is
    /// checked here: a damaged row stays damaged, and is skipped and deleted as before.
    func separateCheckpointStates() throws {
        try connection.execute("""
            INSERT INTO checkpoint_states (day, position, state) SELECT day, position, state FROM checkpoints;
            CREATE TEMP TABLE checkpoint_rows_before_layout7 AS
                SELECT day, position, stale_from, position_hash, checksum, stale_seal FROM checkpoints;
            DROP TABLE checkpoints;
            """)
        try connection.execute(StoreSchema.create)
        try connection.execute("""
            INSERT INTO checkpoints (day, position, stale_from, position_hash, checksum, stale_seal)
                SELECT day, position, stale_from, position_hash, checksum, stale_seal FROM temp.checkpoint_rows_before_layout7;
            DROP TABLE temp.checkpoint_rows_before_layout7;
            """)
    }
}
