extension EventStore {
    /// The lowest level of the Merkle tree that `merkle_nodes` keeps (layout 8). A node below it covers at most
    /// 8 events, and is hashed from their published lines when a proof or the next append asks for it
    /// (`hashedMerkleNode`): a few dozen lines at most for a proof (the low nodes of its path and of the tree's
    /// right edge), fewer than two on average for an append. Keeping every level wrote two rows per event; from
    /// level 4 up it writes one per 8 events. Those rows were 11 % of an import's CPU at 1M events, and 2.7 of
    /// the 11.3 pages a single-event decision wrote.
    static let lowestStoredMerkleLevel = 4

    /// Adds the leaf of the event just inserted at `seq` (its published line) and every node it completes;
    /// `merkle_nodes` keeps those from `lowestStoredMerkleLevel` up. Called once per insert, inside the
    /// insert's transaction.
    ///
    /// Nodes are replaced rather than refused when present: they can only be left over from a tail that was
    /// removed behind the store's back (a file rewritten), and are recomputed here from the leaves that stand.
    func appendMerkleLeaf(seq: Int64, leafHash leaf: [UInt8]) throws {
        if merkleFrontierOnly != nil {
            merkleFrontierOnly?.append(leafHash: leaf)
            return
        }
        let read = try connection.statement("SELECT hash FROM merkle_nodes WHERE level = ?1 AND idx = ?2")
        let closed = try MerkleTree.closedNodes(by: seq - 1, leafHash: leaf) { level, index in
            // Nodes of a level are added in order, so a left sibling is the last one this write added there.
            if let last = merkleFrontier[level], last.index == index { return last.hash }
            if level < Self.lowestStoredMerkleLevel { return try Self.hashedMerkleNode(level: level, index: index, from: connection) }
            guard let hash = try read.first([.integer(Int64(level)), .integer(index)], { $0.bytes(0) }) else {
                throw StoreError.integrity("the Merkle tree lacks node (\(level), \(index)): run `carnot verify`")
            }
            return hash
        }
        // Only now: the leaf's own left sibling, at level 0, was the last leaf kept there.
        merkleFrontier[0] = (seq - 1, leaf)
        let insert = try connection.statement("INSERT OR REPLACE INTO merkle_nodes (level, idx, hash) VALUES (?1, ?2, ?3)")
        for (level, index, hash) in closed {
            if level >= Self.lowestStoredMerkleLevel { try insert.execute([.integer(Int64(level)), .integer(index), .blob(hash)]) }
            merkleFrontier[level] = (index, hash)
        }
    }

    /// Node (`level`, `index`) of the Merkle tree, hashed from the published lines of its 2^`level` events.
    /// - Throws: `StoreError.integrity` when the log does not hold them all.
    static func hashedMerkleNode(level: Int, index: Int64, from connection: SQLiteConnection) throws -> [UInt8] {
        let count = Int64(1) << level
        var subtree = MerkleFrontier()
        try forEachLeafHash(after: index * count, through: (index + 1) * count, from: connection) { subtree.append(leafHash: $0) }
        guard subtree.leafCount == count else {
            throw StoreError.integrity("the Merkle tree lacks node (\(level), \(index)): the log does not hold its \(count) events")
        }
        return try subtree.root(size: count)
    }

    /// Calls `body` with the leaf hash of each event at a position after `after` and up to `through`, in log
    /// order: the hash of its published line, spliced from its stored row.
    static func forEachLeafHash(after: Int64, through: Int64, from connection: SQLiteConnection,
                                _ body: ([UInt8]) -> Void) throws {
        try connection.statement("SELECT body, prev, hash FROM events WHERE seq > ?1 AND seq <= ?2 ORDER BY seq")
            .query([.integer(after), .integer(through)]) { row in
                body(MerkleHash.leaf(PublishedLine.splice(body: row.bytes(0), prev: row.text(1), hash: row.text(2))))
                return true
            }
    }

    /// Layout upgrade to version 3: checkpoints of an older layout carry no checksum, so they are dropped
    /// (a cache: folds start further back until the next appends write new ones).
    func upgradeProofTables(from version: Int64) throws {
        if version == 2 { try connection.execute("DROP TABLE IF EXISTS checkpoints; DROP TABLE IF EXISTS checkpoint_states") }
    }

    /// Layout upgrade to version 8: the nodes below `lowestStoredMerkleLevel` are hashed from the events from
    /// now on, and no longer kept.
    func dropLowMerkleNodes() throws {
        try connection.statement("DELETE FROM merkle_nodes WHERE level < ?1").execute([.integer(Int64(Self.lowestStoredMerkleLevel))])
    }

    /// Fills the Merkle tree of a store written by an older layout, from its stored events.
    func buildMerkleTree() throws {
        try connection.execute("DELETE FROM merkle_nodes")
        let insert = try connection.statement("INSERT INTO merkle_nodes (level, idx, hash) VALUES (?1, ?2, ?3)")
        var tree = MerkleTree()
        try Self.forEachLeafHash(after: 0, through: .max, from: connection) { tree.append(leafHash: $0) }
        for (level, nodes) in tree.levels.enumerated() where level >= Self.lowestStoredMerkleLevel {
            for (index, hash) in nodes.enumerated() { try insert.execute([.integer(Int64(level)), .integer(Int64(index)), .blob(hash)]) }
        }
    }

    /// The tree's nodes for the first `size` events: the stored table when it covers them, else (a
    /// read-only store of an older layout, which must not be written) a tree computed from the events.
    func merkleNodes(size: Int64) throws -> any MerkleNodeSource {
        // The stored tree only from a layout that keeps one (an older file read-only, or one whose version was
        // set back, computes it from the events, as its proofs must not rest on a table it does not maintain).
        // It covers the first `size` events when it holds their last complete node at its lowest level, or
        // when they are too few to make one (their nodes are all hashed from the events).
        let lowest = Self.lowestStoredMerkleLevel
        if try hasSealedCheckpoints(), try connection.statement("SELECT 1 FROM merkle_nodes WHERE level = ?1 AND idx = ?2")
            .first([.integer(Int64(lowest)), .integer((size >> lowest) - 1)], { _ in true }) ?? (size >> lowest == 0) {
            return StoredMerkleNodes(connection: connection, leafCount: size)
        }
        var tree = MerkleTree()
        try Self.forEachLeafHash(after: 0, through: size, from: connection) { tree.append(leafHash: $0) }
        return tree
    }

    /// The root of the tree of the first `size` events. An audit's replay (`makeAuditReplay`), which keeps only
    /// the frontier, answers from it when it covers exactly those events (it holds every leaf appended since
    /// the store was empty, so a rolled-back write leaves it longer than the log, never equal to a size the
    /// log has); any other size is streamed from the events' lines into a frontier of its own, in O(log n)
    /// memory.
    func merkleRoot(size: Int64) throws -> [UInt8] {
        guard let kept = merkleFrontierOnly else { return try merkleNodes(size: size).root(size: size) }
        if kept.leafCount == size { return try kept.root(size: size) }
        var frontier = MerkleFrontier()
        try Self.forEachLeafHash(after: 0, through: size, from: connection) { frontier.append(leafHash: $0) }
        return try frontier.root(size: size)
    }

    /// The checkpoint of the tree of the first `size` events (the head when nil), named `origin`.
    public func treeCheckpoint(origin: String, size: Int64? = nil) throws(StoreError) -> TreeCheckpoint {
        try guarded {
            let size = try checkedSize(size)
            return TreeCheckpoint(origin: origin, size: size, rootHash: try merkleRoot(size: size))
        }
    }

    /// The inclusion proof of the event at `seq` in the tree of the first `size` events (the head when nil).
    public func inclusionProof(seq: Int64, size: Int64? = nil) throws(StoreError) -> [[UInt8]] {
        try guarded {
            let size = try checkedSize(size)
            guard seq >= 1, seq <= size else {
                throw StoreError.invalid(ValidationError(field: "seq", value: String(seq), rule: "must be a position from 1 to the tree size \(size)"))
            }
            return try merkleNodes(size: size).inclusionProof(index: seq - 1, size: size)
        }
    }

    /// The proof that the tree of the first `old` events is a prefix of the tree of the first `new`.
    public func consistencyProof(old: Int64, new: Int64) throws(StoreError) -> [[UInt8]] {
        try guarded {
            let new = try checkedSize(new)
            guard old >= 1, old <= new else {
                throw StoreError.invalid(ValidationError(field: "old", value: String(old), rule: "must be a size from 1 to the new size \(new)"))
            }
            return try merkleNodes(size: new).consistencyProof(old: old, new: new)
        }
    }

    /// The published line of the event at `seq`, as in the exported log.
    public func publishedLine(seq: Int64) throws(StoreError) -> [UInt8]? {
        try guarded {
            try connection.statement("SELECT body, prev, hash FROM events WHERE seq = ?1").first([.integer(seq)]) { row in
                PublishedLine.splice(body: row.bytes(0), prev: row.text(1), hash: row.text(2))
            }
        }
    }

    private func checkedSize(_ size: Int64?) throws -> Int64 {
        let head = try head().seq
        guard let size else { return head }
        guard size >= 1, size <= head else {
            throw StoreError.invalid(ValidationError(field: "size", value: String(size), rule: "must be a tree size from 1 to the head \(head)"))
        }
        return size
    }
}

/// The Merkle nodes kept in the store's `merkle_nodes` table, and those below its lowest level hashed from the
/// events (`EventStore.hashedMerkleNode`), each read or hashed at most once.
///
/// A proof reads about 2 log₂ n nodes, some of them twice (the hash of a right edge is rebuilt at every level
/// of the recursion), and many proofs asked of one source (`carnot-bench`, the property test of every pair)
/// share most of their nodes. A node never changes once written, and a source lives for one read (one
/// proof, or one batch in one transaction), so what it has read it keeps.
final class StoredMerkleNodes: MerkleNodeSource {
    let connection: SQLiteConnection
    let leafCount: Int64
    private var known: [Int64: [UInt8]] = [:]

    init(connection: SQLiteConnection, leafCount: Int64) {
        self.connection = connection
        self.leafCount = leafCount
    }

    func node(level: Int, index: Int64) throws -> [UInt8] {
        // Indexes stay below 2^56 (a log of 2^56 events would fill no disk), levels below 64.
        let key = Int64(level) << 56 | index
        if let hash = known[key] { return hash }
        if level < EventStore.lowestStoredMerkleLevel {
            let hash = try EventStore.hashedMerkleNode(level: level, index: index, from: connection)
            known[key] = hash
            return hash
        }
        guard let hash = try connection.statement("SELECT hash FROM merkle_nodes WHERE level = ?1 AND idx = ?2")
            .first([.integer(Int64(level)), .integer(index)], { $0.bytes(0) }) else {
            throw StoreError.integrity("the Merkle tree lacks node (\(level), \(index)): run `carnot verify`")
        }
        known[key] = hash
        return hash
    }
}
