extension EventStore {
    /// The Merkle tree holds exactly the nodes the log gives: those the replay built from the log's
    /// published lines as it imported them (each leaf the hash of a line, each node of its two children).
    ///
    /// Both tables are read in key order, side by side: the log's lines are hashed once (by the replay),
    /// not a second time for the comparison, and no node is looked up one by one.
    func checkMerkleTree(against fresh: EventStore) throws {
        struct Node: Equatable {
            let level: Int64, index: Int64, hash: [UInt8]
        }
        let query = "SELECT level, idx, hash FROM merkle_nodes ORDER BY level, idx"
        let difference = try SortedTableComparison.firstDifference(
            stored: try connection.statement(query), derived: try fresh.connection.statement(query),
            read: { Node(level: $0.integer(0), index: $0.integer(1), hash: $0.bytes(2)) },
            precedes: { ($0.level, $0.index) < ($1.level, $1.index) })
        switch difference {
        case nil: return
        case .extra(let node):
            let events = try fresh.connection.integer("SELECT count(*) FROM events")
            throw Failure(seq: 0, reason: "the Merkle tree has node (level \(node.level), index \(node.index)), which the \(events) events of the log do not make")
        case .missing(let node):
            throw Failure(seq: 0, reason: "the Merkle tree lacks node (level \(node.level), index \(node.index))")
        case .differs(let node, _):
            let first = (node.index << node.level) + 1, last = (node.index + 1) << node.level
            throw Failure(seq: 0, reason:
                "the Merkle tree's node (level \(node.level), index \(node.index), over events \(first)-\(last)) is not the hash the log gives: proofs from this store would not verify")
        }
    }

    /// The entity index holds exactly the rows the log gives (those of `fresh`, the log imported anew).
    /// Both tables are read in key order, side by side; memory stays flat.
    func checkEntityIndex(against fresh: EventStore) throws {
        struct Row: Equatable {
            // The entity's bytes: SQLite orders (and a tamper changes) text by its bytes, where Swift's
            // String comparison would take canonically equivalent spellings for one.
            let entity: [UInt8], effective: Int64, seq: Int64, writes: Int64
            var text: String { String(decoding: entity, as: UTF8.self) }
            var day: Day { Day(ordinal: Int32(truncatingIfNeeded: effective)) }
        }
        let query = "SELECT entity, effective, seq, writes FROM entity_events ORDER BY entity, effective, seq"
        let difference = try SortedTableComparison.firstDifference(
            stored: try connection.statement(query), derived: try fresh.connection.statement(query),
            read: { Row(entity: $0.bytes(0), effective: $0.integer(1), seq: $0.integer(2), writes: $0.integer(3)) },
            precedes: { left, right in
                left.entity != right.entity ? left.entity.lexicographicallyPrecedes(right.entity)
                    : (left.effective, left.seq) < (right.effective, right.seq)
            })
        switch difference {
        case nil: return
        case .extra(let row), .differs(let row, _):
            throw Failure(seq: row.seq, reason: "the entity index files event \(row.seq) under '\(row.text)' on \(row.day) (writes \(row.writes)), which the log does not give; validation and `carnot history` would read the wrong events")
        case .missing(let row):
            throw Failure(seq: row.seq, reason: "the entity index lacks event \(row.seq) under '\(row.text)' on \(row.day) (writes \(row.writes)), which the log gives: validation and `carnot history` would miss it")
        }
    }
}
