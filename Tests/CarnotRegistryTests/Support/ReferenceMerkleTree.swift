import Crypto

/// RFC 9162 §2.1 written out again from the text, as the independent reference the store's proofs are
/// compared with: it shares no code with `MerkleHash`, `MerkleNodeSource` or `MerkleTree`.
///
/// D[lower..<upper] stands for the RFC's list D_n; `mth` is MTH (§2.1.1), `path` is PATH (§2.1.3.1),
/// `subproof` is SUBPROOF (§2.1.4.1). Every MTH it computes is kept, keyed by its range, so that proofs for
/// every pair of a 1,000-leaf log cost dictionary reads, not hashing.
final class ReferenceMerkleTree {
    let leaves: [[UInt8]]
    private var cache: [Int: [UInt8]] = [:]

    /// A tree over the given entries (the published lines).
    init(entries: [[UInt8]]) {
        leaves = entries.map { Self.sha256([0x00] + $0) }
    }

    var count: Int { leaves.count }

    /// MTH(D[lower..<upper]): SHA-256() when empty, the leaf hash of one entry, else
    /// SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])) with k the largest power of two smaller than n.
    func mth(_ lower: Int, _ upper: Int) -> [UInt8] {
        let n = upper - lower
        if n == 0 { return Self.sha256([]) }
        if n == 1 { return leaves[lower] }
        let key = lower << 20 | upper
        if let known = cache[key] { return known }
        let k = Self.largestPowerOfTwo(below: n)
        let hash = Self.sha256([0x01] + mth(lower, lower + k) + mth(lower + k, upper))
        cache[key] = hash
        return hash
    }

    /// PATH(m, D[0:size]): the inclusion proof of leaf m.
    func inclusionProof(leaf m: Int, size: Int) -> [[UInt8]] { path(m, 0, size) }

    private func path(_ m: Int, _ lower: Int, _ upper: Int) -> [[UInt8]] {
        let n = upper - lower
        if n == 1 { return [] }
        let k = Self.largestPowerOfTwo(below: n)
        // m < k: PATH(m, D[0:k]) : MTH(D[k:n]); m >= k: PATH(m - k, D[k:n]) : MTH(D[0:k]).
        if m < k { return path(m, lower, lower + k) + [mth(lower + k, upper)] }
        return path(m - k, lower + k, upper) + [mth(lower, lower + k)]
    }

    /// PROOF(m, D[0:size]) = SUBPROOF(m, D[0:size], true), for 0 < m <= size.
    func consistencyProof(old m: Int, new size: Int) -> [[UInt8]] { subproof(m, 0, size, true) }

    private func subproof(_ m: Int, _ lower: Int, _ upper: Int, _ b: Bool) -> [[UInt8]] {
        let n = upper - lower
        // m = n: empty when D[0:m] is the tree the proof starts from, else its root.
        if m == n { return b ? [] : [mth(lower, upper)] }
        let k = Self.largestPowerOfTwo(below: n)
        // m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]); m > k: SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]).
        if m <= k { return subproof(m, lower, lower + k, b) + [mth(lower + k, upper)] }
        return subproof(m - k, lower + k, upper, false) + [mth(lower, lower + k)]
    }

    private static func largestPowerOfTwo(below n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    private static func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
}
