import Crypto
import Testing
@testable import CarnotRegistry

/// The right edge of the tree, which `audit`'s replay keeps instead of every node.
struct MerkleFrontierTests {
    static func leaves(_ count: Int) -> [[UInt8]] {
        (0..<count).map { MerkleHash.leaf(Array("leaf \($0)".utf8)) }
    }

    @Test func theFrontiersRootIsTheWholeTreesRootAtEverySize() throws {
        let leaves = Self.leaves(300)
        var frontier = MerkleFrontier()
        let tree = MerkleTree(leafHashes: leaves)
        #expect(try frontier.root(size: 0) == MerkleHash.emptyRoot)
        for (count, leaf) in leaves.enumerated() {
            frontier.append(leafHash: leaf)
            #expect(frontier.leafCount == Int64(count + 1))
            #expect(try frontier.root(size: Int64(count + 1)) == tree.root(size: Int64(count + 1)), "size \(count + 1)")
        }
    }

    @Test func aFrontierRefusesAnyNodeOffItsEdgeRatherThanAnsweringWrong() throws {
        var frontier = MerkleFrontier()
        for leaf in Self.leaves(6) { frontier.append(leafHash: leaf) }
        let tree = MerkleTree(leafHashes: Self.leaves(6))
        // 6 = 4 + 2: nodes (2, 0) and (1, 2) only.
        #expect(try frontier.node(level: 2, index: 0) == tree.node(level: 2, index: 0))
        #expect(try frontier.node(level: 1, index: 2) == tree.node(level: 1, index: 2))
        #expect(throws: ProofError.self) { try frontier.node(level: 0, index: 5) }
        #expect(throws: ProofError.self) { try frontier.node(level: 1, index: 0) }
        #expect(throws: ProofError.self) { try frontier.root(size: 5) }
        #expect(throws: ProofError.self) { try frontier.inclusionProof(index: 0, size: 6) }
    }
}
