/// `verify`'s check of the stored Merkle tree (`merkle_nodes`), in the same single pass over the log as the
/// chain, with memory O(log n).
///
/// It keeps only the right edge of the tree (RFC 9162's incremental tree: at most one pending left node per
/// level, like the carries of a binary counter). Each leaf, and each node that leaf completes, is compared
/// with its stored row as soon as it is known; at the end the table must hold no row besides those
/// (its count is that of a tree of n leaves, 2n − popcount(n), and (level, idx) is its primary key).
/// Holding the whole tree instead took about 160 MB at a million events.
///
/// The first disagreement is kept, not thrown, so that `verify` still reports failures in its usual order
/// (the chain first, then the rules, then the derived tables).
struct StoredTreeCheck {
    typealias Failure = ChainVerifier.Failure

    private let read: SQLiteStatement
    private let connection: SQLiteConnection
    /// `edge[level]`: the complete node at that level still waiting for its right sibling, if any.
    private var edge: [[UInt8]?] = []
    private(set) var leafCount: Int64 = 0
    private(set) var failure: Failure?

    init(connection: SQLiteConnection) throws {
        self.connection = connection
        read = try connection.statement("SELECT hash FROM merkle_nodes WHERE level = ?1 AND idx = ?2")
    }

    /// Takes the next leaf (the hash of the next event's published line).
    mutating func add(leafHash: [UInt8]) throws {
        let index = leafCount
        leafCount += 1
        try compare(level: 0, index: index, hash: leafHash)
        let closed = MerkleTree.closedNodes(by: index, leafHash: leafHash) { level, _ in edge[level]! }
        for (level, index, hash) in closed { try compare(level: level, index: index, hash: hash) }
        // The nodes just combined are no longer pending; the highest one made waits for its sibling.
        let top = closed.last?.0 ?? 0
        for level in 0..<min(top, edge.count) { edge[level] = nil }
        if edge.count <= top { edge.append(contentsOf: Array(repeating: nil, count: top + 1 - edge.count)) }
        edge[top] = closed.last?.2 ?? leafHash
    }

    /// The first disagreement: a node that differs or is missing, or a row that no leaf gives.
    func finish() throws -> Failure? {
        if let failure { return failure }
        let expected = 2 * leafCount - Int64(leafCount.nonzeroBitCount)
        let stored = try connection.statement("SELECT count(*) FROM merkle_nodes").first { $0.integer(0) } ?? 0
        guard stored != expected else { return nil }
        // Every expected node was found, so the extra rows lie beyond the tree (or at a level above it).
        let extra = try connection.statement("SELECT level, idx FROM merkle_nodes WHERE level < 0 OR level >= 63 OR idx < 0 OR idx >= (?1 >> level) ORDER BY level, idx LIMIT 1")
            .first([.integer(leafCount)]) { ($0.integer(0), $0.integer(1)) }
        let (level, index) = extra ?? (0, leafCount)
        return Failure(seq: 0, reason: "the Merkle tree has node (level \(level), index \(index)), which the \(leafCount) events of the log do not make")
    }

    private mutating func compare(level: Int, index: Int64, hash: [UInt8]) throws {
        guard failure == nil else { return }
        let stored = try read.first([.integer(Int64(level)), .integer(index)]) { $0.bytes(0) }
        guard let stored else {
            failure = Failure(seq: 0, reason: "the Merkle tree lacks node (level \(level), index \(index))")
            return
        }
        if stored != hash {
            failure = Failure(seq: level == 0 ? index + 1 : 0, reason:
                "the Merkle tree's node (level \(level), index \(index)) is not the hash the log gives: proofs from this store would not verify")
        }
    }
}
