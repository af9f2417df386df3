/// The right edge of a Merkle tree being appended to: per level, the complete node still waiting for its
/// right sibling. Enough to compute every node of the tree as the leaves arrive, in memory proportional to
/// the tree's height (about 20 hashes for a million events) rather than its size, as `MerkleTree` holds it.
///
/// What `verify` streams the log through to check the store's `merkle_nodes` node by node.
struct MerkleFrontier {
    /// `waiting[level]`: the left child at that level whose right sibling has not come yet.
    private var waiting: [[UInt8]?] = []
    private(set) var leafCount: Int64 = 0

    /// Appends a leaf; returns every node it completes, the leaf first, as (level, index, hash), the same
    /// nodes `MerkleTree.append` adds.
    mutating func append(leafHash: [UInt8]) -> [(level: Int, index: Int64, hash: [UInt8])] {
        let closed = MerkleTree.closedNodes(by: leafCount, leafHash: leafHash) { level, _ in waiting[level]! }
        let nodes = [(level: 0, index: leafCount, hash: leafHash)] + closed.map { (level: $0.0, index: $0.1, hash: $0.2) }
        // Every node but the last is a right child, used up by its parent; the last is a left child that waits.
        let top = nodes[nodes.count - 1]
        while waiting.count <= top.level { waiting.append(nil) }
        waiting[top.level] = top.hash
        leafCount += 1
        return nodes
    }

    /// How many nodes the tree over `leaves` leaves has: ⌊leaves / 2^level⌋ at each level.
    static func nodeCount(leaves: Int64) -> Int64 {
        var count: Int64 = 0, width = leaves
        while width > 0 {
            count += width
            width >>= 1
        }
        return count
    }
}
