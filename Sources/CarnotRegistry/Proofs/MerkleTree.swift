/// A log's Merkle tree held in memory: every complete node, appended leaf by leaf.
///
/// What an auditor builds from a published log file, what a read-only store without its stored tree falls
/// back to, and the reference the store's own table is checked against.
public struct MerkleTree: MerkleNodeSource, Sendable {
    /// `levels[l][i]` is node (l, i).
    private(set) var levels: [[[UInt8]]] = [[]]

    public init() {}

    /// A tree over the given leaf hashes.
    public init(leafHashes: [[UInt8]]) {
        for leaf in leafHashes { append(leafHash: leaf) }
    }

    public var leafCount: Int64 { Int64(levels[0].count) }

    public func node(level: Int, index: Int64) throws -> [UInt8] {
        levels[level][Int(index)]
    }

    /// Appends a leaf and the complete nodes it closes (one per trailing one bit of its index).
    public mutating func append(leafHash: [UInt8]) {
        levels[0].append(leafHash)
        for (level, index, hash) in Self.closedNodes(by: leafCount - 1, leafHash: leafHash, sibling: { level, index in levels[level][Int(index)] }) {
            if levels.count == level { levels.append([]) }
            precondition(levels[level].count == index, "nodes are appended in order")
            levels[level].append(hash)
        }
    }

    /// The nodes above level 0 that leaf `index` completes, lowest first: while the node just made is a
    /// right child, its parent is complete. `sibling` reads an existing node (the left siblings).
    static func closedNodes(by index: Int64, leafHash: [UInt8],
                            sibling: (Int, Int64) throws -> [UInt8]) rethrows -> [(Int, Int64, [UInt8])] {
        var closed: [(Int, Int64, [UInt8])] = []
        var level = 0, position = index, hash = leafHash
        while position & 1 == 1 {
            hash = MerkleHash.node(try sibling(level, position - 1), hash)
            level += 1
            position >>= 1
            closed.append((level, position, hash))
        }
        return closed
    }
}
