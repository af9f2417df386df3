import Crypto

/// The hashing of RFC 9162 §2.1.1 (the same as RFC 6962 §2.1): the tree over the log's published lines.
///
/// A leaf is SHA-256(0x00 ‖ entry), an interior node SHA-256(0x01 ‖ left ‖ right), the empty tree
/// SHA-256(""). The two prefixes keep a leaf from ever passing for a node (second-preimage resistance).
/// For this registry the entry of a leaf is an event's published line: its canonical JSON with `prev` and
/// `hash`, exactly as in `Events/*.ndjson`, without the newline.
public enum MerkleHash {
    /// The root of the empty tree: SHA-256 of nothing.
    public static let emptyRoot: [UInt8] = Array(SHA256.hash(data: [UInt8]()))

    /// The hash of a leaf holding `entry`.
    public static func leaf(_ entry: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: Array(entry))
        return bytes(hasher.finalize())
    }

    /// The hash of an interior node over two subtrees.
    public static func node(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        // Through raw buffers rather than `update(data:)` and `Array(digest)`, whose generic paths cost
        // several times the hashing itself in a debug build (the every-pair proof tests hash millions of nodes).
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(0x01)) { hasher.update(bufferPointer: $0) }
        left.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        right.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return bytes(hasher.finalize())
    }

    /// A digest's 32 bytes, copied in one go.
    private static func bytes(_ digest: SHA256.Digest) -> [UInt8] {
        digest.withUnsafeBytes { [UInt8]($0) }
    }

    /// The largest power of two strictly below `n` (n > 1): where RFC 9162 splits a tree of n leaves.
    static func split(_ n: Int64) -> Int64 {
        precondition(n > 1, "a tree of \(n) leaves does not split")
        return Int64(1) << (63 - (n - 1).leadingZeroBitCount)
    }
}
