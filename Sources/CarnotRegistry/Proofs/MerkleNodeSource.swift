/// Where a prover reads the hashes of the complete subtrees of a log's Merkle tree.
///
/// Node (level, index) is the root of the perfect subtree over leaves [index·2^level, (index+1)·2^level):
/// level 0 holds the leaf hashes. A log of n leaves has every such node whose leaves are all below n; they
/// never change once written, which is what lets the store keep them incrementally.
public protocol MerkleNodeSource {
    /// The number of leaves.
    var leafCount: Int64 { get }
    /// The hash of complete node (level, index).
    func node(level: Int, index: Int64) throws -> [UInt8]
}

extension MerkleNodeSource {
    /// The tree hash MTH of leaves [lower, upper) (RFC 9162 §2.1.1), from the fewest stored nodes.
    ///
    /// The ranges the RFC's recursions ask for always start on a multiple of the largest power of two that
    /// fits in them, so each splits into O(log n) complete nodes.
    public func hash(_ lower: Int64, _ upper: Int64) throws -> [UInt8] {
        let count = upper - lower
        precondition(count >= 0 && lower >= 0 && upper <= leafCount, "range \(lower)..<\(upper) outside the tree of \(leafCount)")
        if count == 0 { return MerkleHash.emptyRoot }
        if count & (count - 1) == 0, lower % count == 0 {
            return try node(level: count.trailingZeroBitCount, index: lower / count)
        }
        let k = MerkleHash.split(count)
        return MerkleHash.node(try hash(lower, lower + k), try hash(lower + k, upper))
    }

    /// The root of the tree of the first `size` leaves.
    public func root(size: Int64) throws -> [UInt8] { try hash(0, size) }

    /// The audit path of leaf `index` in the tree of the first `size` leaves (RFC 9162 §2.1.3.1), from the
    /// leaf's sibling up to the root's child.
    public func inclusionProof(index: Int64, size: Int64) throws -> [[UInt8]] {
        precondition(index >= 0 && index < size && size <= leafCount, "no leaf \(index) in a tree of \(size)")
        return try path(index, 0, size)
    }

    private func path(_ m: Int64, _ lower: Int64, _ upper: Int64) throws -> [[UInt8]] {
        let n = upper - lower
        if n == 1 { return [] }
        let k = MerkleHash.split(n)
        if m < k { return try path(m, lower, lower + k) + [hash(lower + k, upper)] }
        return try path(m - k, lower + k, upper) + [hash(lower, lower + k)]
    }

    /// The proof that the tree of the first `old` leaves is a prefix of the tree of the first `new`
    /// (RFC 9162 §2.1.4.1). Empty when `old` is 0 or equals `new`.
    public func consistencyProof(old: Int64, new: Int64) throws -> [[UInt8]] {
        precondition(old >= 0 && old <= new && new <= leafCount, "no consistency proof from \(old) to \(new) in a tree of \(leafCount)")
        if old == 0 || old == new { return [] }
        return try subproof(old, 0, new, complete: true)
    }

    private func subproof(_ m: Int64, _ lower: Int64, _ upper: Int64, complete: Bool) throws -> [[UInt8]] {
        let n = upper - lower
        if m == n { return complete ? [] : [try hash(lower, upper)] }
        let k = MerkleHash.split(n)
        if m <= k { return try subproof(m, lower, lower + k, complete: complete) + [hash(lower + k, upper)] }
        return try subproof(m - k, lower + k, upper, complete: false) + [hash(lower, lower + k)]
    }
}
