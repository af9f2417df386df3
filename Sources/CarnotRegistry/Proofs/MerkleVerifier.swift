/// Checks inclusion and consistency proofs against tree roots, with nothing but the proof (RFC 9162
/// §2.1.3.2 and §2.1.4.2): what an auditor runs without the store.
public enum MerkleVerifier {
    /// The root that `proof` implies for leaf `index` with hash `leafHash` in a tree of `size` leaves.
    /// - Throws: `ProofError` when the proof has the wrong length for that index and size.
    public static func rootFromInclusionProof(index: Int64, size: Int64, leafHash: [UInt8],
                                              proof: [[UInt8]]) throws(ProofError) -> [UInt8] {
        guard index >= 0, index < size else { throw ProofError("leaf index \(index) is not in a tree of \(size) leaves") }
        var fn = index, sn = size - 1, result = leafHash
        for sibling in proof {
            guard sn != 0 else { throw ProofError("the inclusion proof has \(proof.count) hashes, more than a tree of \(size) needs for leaf \(index)") }
            if fn & 1 == 1 || fn == sn {
                result = MerkleHash.node(sibling, result)
                if fn & 1 == 0 {
                    while fn & 1 == 0, fn != 0 { fn >>= 1; sn >>= 1 }
                }
            } else {
                result = MerkleHash.node(result, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw ProofError("the inclusion proof has \(proof.count) hashes, fewer than a tree of \(size) needs for leaf \(index)") }
        return result
    }

    /// Checks that leaf `index` with hash `leafHash` is in the tree of `size` leaves whose root is `root`.
    /// - Throws: `ProofError` naming what does not match.
    public static func verifyInclusion(index: Int64, size: Int64, leafHash: [UInt8], proof: [[UInt8]],
                                       root: [UInt8]) throws(ProofError) {
        let computed = try rootFromInclusionProof(index: index, size: size, leafHash: leafHash, proof: proof)
        guard computed == root else {
            throw ProofError("the inclusion proof leads to root \(Hex.string(computed)), not the checkpoint's \(Hex.string(root))")
        }
    }

    /// Checks that the tree of `oldSize` leaves with root `oldRoot` is a prefix of the tree of `newSize`
    /// leaves with root `newRoot`.
    /// - Throws: `ProofError` naming what does not match.
    public static func verifyConsistency(oldSize: Int64, newSize: Int64, oldRoot: [UInt8], newRoot: [UInt8],
                                         proof: [[UInt8]]) throws(ProofError) {
        guard oldSize >= 0, oldSize <= newSize else {
            throw ProofError("the old size \(oldSize) is not between 0 and the new size \(newSize)")
        }
        if oldSize == newSize {
            guard proof.isEmpty else { throw ProofError("a tree is consistent with itself by an empty proof, not \(proof.count) hashes") }
            guard oldRoot == newRoot else { throw ProofError("two trees of \(oldSize) leaves with different roots: the log was rewritten") }
            return
        }
        if oldSize == 0 {
            guard proof.isEmpty else { throw ProofError("the empty tree is a prefix of every tree by an empty proof, not \(proof.count) hashes") }
            return
        }
        guard !proof.isEmpty else { throw ProofError("the consistency proof from \(oldSize) to \(newSize) is empty") }
        var path = proof[...]
        // A complete old tree is itself a node of the new one: the RFC prepends its root to the path.
        if oldSize & (oldSize - 1) == 0 { path = ([oldRoot] + proof)[...] }
        var fn = oldSize - 1, sn = newSize - 1
        while fn & 1 == 1 { fn >>= 1; sn >>= 1 }
        var oldResult = path.first!, newResult = path.first!
        for hash in path.dropFirst() {
            guard sn != 0 else { throw ProofError("the consistency proof has \(proof.count) hashes, more than \(oldSize) to \(newSize) needs") }
            if fn & 1 == 1 || fn == sn {
                oldResult = MerkleHash.node(hash, oldResult)
                newResult = MerkleHash.node(hash, newResult)
                if fn & 1 == 0 {
                    while fn & 1 == 0, fn != 0 { fn >>= 1; sn >>= 1 }
                }
            } else {
                newResult = MerkleHash.node(newResult, hash)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw ProofError("the consistency proof has \(proof.count) hashes, fewer than \(oldSize) to \(newSize) needs") }
        guard oldResult == oldRoot else {
            throw ProofError("the consistency proof leads to old root \(Hex.string(oldResult)), not \(Hex.string(oldRoot))")
        }
        guard newResult == newRoot else {
            throw ProofError("the consistency proof leads to new root \(Hex.string(newResult)), not \(Hex.string(newRoot))")
        }
    }
}
