/// The tables of a registry file and the triggers that make its log append-only.
enum StoreSchema {
    /// The version of the file layout (not of the event schema), kept in `PRAGMA user_version`.
    /// Version 2 added the fold indexes (`events_effective`, `corrections`) and `checkpoints`; version 3 the
    /// Merkle tree (`merkle_nodes`) and the checksum of each checkpoint (`position_hash`, `checksum`); version 4
    /// the entity index (`entity_events`); version 5 the index of events by type (`events_type`); version 6
    /// writes checkpoints in `StateCodec` format 2 (office holdings grouped by office); version 7 keeps their
    /// states apart from their rows (`checkpoint_states`), so that a stale mark rewrites a small row; version 8
    /// keeps the Merkle tree from level 4 up (`EventStore.lowestStoredMerkleLevel`).
    static let version: Int64 = 8

    static let create = """
    CREATE TABLE IF NOT EXISTS events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        effective INTEGER NOT NULL,
        recorded INTEGER NOT NULL,
        body TEXT NOT NULL,
        prev TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS events_recorded ON events(recorded);
    -- Point-in-time folds read the facts of a range of effective days in fold order.
    CREATE INDEX IF NOT EXISTS events_effective ON events(effective, seq);
    -- The events of a few types (the label events and corrections below `state`'s tables) without a scan.
    CREATE INDEX IF NOT EXISTS events_type ON events(type, seq);

    CREATE TRIGGER IF NOT EXISTS events_refuse_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE is refused; record a correction instead'); END;
    CREATE TRIGGER IF NOT EXISTS events_refuse_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: DELETE is refused; record a retraction instead'); END;
    CREATE TRIGGER IF NOT EXISTS events_chain_on_insert BEFORE INSERT ON events
    BEGIN
        SELECT RAISE(ABORT, 'an appended event must take the next position and chain to the head')
        WHERE NEW.seq != COALESCE((SELECT max(seq) FROM events), 0) + 1
           OR NEW.prev != COALESCE((SELECT hash FROM events ORDER BY seq DESC LIMIT 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000');
    END;

    CREATE TABLE IF NOT EXISTS idempotency (
        key TEXT PRIMARY KEY,
        digest TEXT NOT NULL,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL
    );
    CREATE TRIGGER IF NOT EXISTS idempotency_refuse_update BEFORE UPDATE ON idempotency
    BEGIN SELECT RAISE(ABORT, 'idempotency keys are append-only'); END;
    CREATE TRIGGER IF NOT EXISTS idempotency_refuse_delete BEFORE DELETE ON idempotency
    BEGIN SELECT RAISE(ABORT, 'idempotency keys are append-only'); END;

    -- Derived from the log, never a source of truth: which event each retraction or correction names, and
    -- the replacement's effective day (NULL for a retraction).
    CREATE TABLE IF NOT EXISTS corrections (
        seq INTEGER PRIMARY KEY,
        target INTEGER NOT NULL,
        day INTEGER
    );

    -- Derived from the log, never a source of truth: the state of the network on `day` (every fact effective
    -- on or before it) as known at log position `position`, in `StateCodec`'s format (its bytes in
    -- `checkpoint_states`). It answers queries with a cut-off at or after `position`, until the first later
    -- event that changes a fact on or before `day` (`stale_from`, that event's position). `position_hash` is
    -- the log's hash at `position` and `checksum` SHA-256 over day, position, position_hash and state,
    -- `stale_seal` SHA-256 over checksum and stale_from (`CheckpointSeal`): a checkpoint that does not match
    -- them, whose state is missing, or whose position no longer has that hash, is never used.
    CREATE TABLE IF NOT EXISTS checkpoints (
        day INTEGER NOT NULL,
        position INTEGER NOT NULL,
        stale_from INTEGER,
        position_hash TEXT NOT NULL,
        checksum BLOB NOT NULL,
        stale_seal BLOB NOT NULL,
        PRIMARY KEY (day, position)
    );

    -- The state of each checkpoint (tens of kilobytes at 1M events), written and deleted with its row. Kept
    -- apart because marking a checkpoint stale rewrites its row: with the state inside, all its overflow
    -- pages (16 pages each, 8,900 pages for the 557 checkpoints a back-dated decision of 2014 marks at 1M).
    CREATE TABLE IF NOT EXISTS checkpoint_states (
        day INTEGER NOT NULL,
        position INTEGER NOT NULL,
        state BLOB NOT NULL,
        PRIMARY KEY (day, position)
    );

    -- Derived from the log, never a source of truth: the RFC 9162 Merkle tree over the events' published
    -- lines. Node (level, idx) is the hash of the complete subtree over leaves [idx * 2^level, (idx + 1) *
    -- 2^level) (leaf i is the event at seq i + 1); written once, when its last leaf is appended. Kept from
    -- level 4 up: a lower node is hashed from its events when asked for.
    CREATE TABLE IF NOT EXISTS merkle_nodes (
        level INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        hash BLOB NOT NULL,
        PRIMARY KEY (level, idx)
    ) WITHOUT ROWID;

    -- Derived from the log, never a source of truth: for each entity id (or office seat `office:NAME`), the
    -- events that name it, read it in their rules or change its record (`writes` = 1, `Event.recordKeys`),
    -- with their effective day. A correction is filed under its replacement's keys and day. Validation,
    -- retractions' dependents, the state after a back-dated event and `carnot history` read one entity's
    -- rows here instead of the log.
    CREATE TABLE IF NOT EXISTS entity_events (
        entity TEXT NOT NULL,
        effective INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        writes INTEGER NOT NULL,
        PRIMARY KEY (entity, effective, seq)
    ) WITHOUT ROWID;
    """
}
