/// The right edge of a log's Merkle tree: for each set bit of the leaf count, the complete node over that
/// block of leaves, at most one per level. Enough for the root of the whole tree, in O(log n) memory.
///
/// What an audit needs of the tree (the root at the log's size, to compare with a signed checkpoint) without
/// writing every node to its scratch store (`EventStore.makeAuditReplay`). Proofs need the whole tree.
public struct MerkleFrontier: MerkleNodeSource, Sendable {
    public private(set) var leafCount: Int64 = 0
    /// `nodes[l]` is the frontier's node at level `l`, when bit `l` of `leafCount` is set.
    private var nodes: [[UInt8]?] = []

    public init() {}

    /// Appends a leaf: merges it with the frontier's complete nodes it closes (one per trailing one bit of
    /// the old count), as `MerkleTree.closedNodes` does.
    public mutating func append(leafHash: [UInt8]) {
        var hash = leafHash, level = 0
        while level < nodes.count, let left = nodes[level] {
            hash = MerkleHash.node(left, hash)
            nodes[level] = nil
            level += 1
        }
        if level == nodes.count { nodes.append(nil) }
        nodes[level] = hash
        leafCount += 1
    }

    /// The frontier's nodes only: the root of the whole tree (`root(size: leafCount)`) reads no others.
    public func node(level: Int, index: Int64) throws -> [UInt8] {
        guard level < nodes.count, let hash = nodes[level], index == (leafCount >> level) - 1 else {
            throw ProofError("the Merkle frontier of \(leafCount) leaves holds no node (\(level), \(index)): only the root of the whole tree can be computed from it")
        }
        return hash
    }
}
