import Testing
@testable import CarnotRegistry

/// Inclusion and consistency proofs over the tree of a 1,000-event log: they verify, and an altered proof,
/// a wrong size or a wrong root fails (fixed seed).
///
/// Every position is proved in trees of 48 sizes (every size from 1 to 16, the powers of two and their
/// neighbours, 1,000, and random ones), and every older size against them: all 500,500 pairs take six
/// minutes in a debug build, which the suite cannot afford; the sizes chosen cover every shape of path.
struct MerklePropertyTests {
    static let log: [RecordedEvent] = {
        var log: [RecordedEvent] = []
        SyntheticLog.generate(.init(events: 1_000, institutes: 12, seed: 14)) { log.append($0) }
        return log
    }()

    static let tree = MerkleTree(leafHashes: log.map { MerkleHash.leaf(EventSchema.line(of: $0)) })

    static let sizes: [Int64] = {
        var random = SeededGenerator(seed: 0x1_4002)
        var sizes = Set<Int64>(1...16)
        for power in 4...9 { sizes.formUnion([(1 << power) - 1, 1 << power, (1 << power) + 1]) }
        sizes.insert(1_000)
        while sizes.count < 48 { sizes.insert(Int64.random(in: 17...999, using: &random)) }
        return sizes.sorted()
    }()

    @Test func everyInclusionProofOfAThousandEventLogVerifiesAndFailsOnceAltered() throws {
        let tree = Self.tree
        var random = SeededGenerator(seed: 0x1_4000)
        let roots = try (0...tree.leafCount).map { try tree.root(size: $0) }
        for size in Self.sizes {
            for index in 0..<size {
                let leaf = try tree.node(level: 0, index: index)
                let proof = try tree.inclusionProof(index: index, size: size)
                try MerkleVerifier.verifyInclusion(index: index, size: size, leafHash: leaf, proof: proof, root: roots[Int(size)])
                // One alteration per pair, chosen at random: a flipped bit, a wrong size, a wrong root.
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where !proof.isEmpty:
                    var altered = proof
                    let position = Int.random(in: 0..<altered.count, using: &random)
                    altered[position][Int.random(in: 0..<32, using: &random)] ^= 1 << UInt8.random(in: 0..<8, using: &random)
                    #expect(throws: ProofError.self) { try MerkleVerifier.verifyInclusion(index: index, size: size, leafHash: leaf, proof: altered, root: roots[Int(size)]) }
                case 1:
                    let wrong = Int64.random(in: 1...tree.leafCount, using: &random)
                    guard wrong != size else { break }
                    // A size comes with its root (a checkpoint names both).
                    #expect(throws: ProofError.self) { try MerkleVerifier.verifyInclusion(index: index, size: wrong, leafHash: leaf, proof: proof, root: roots[Int(wrong)]) }
                default:
                    let wrong = roots[Int(size == 1 ? 2 : size - 1)]
                    #expect(throws: ProofError.self) { try MerkleVerifier.verifyInclusion(index: index, size: size, leafHash: leaf, proof: proof, root: wrong) }
                }
            }
        }
    }

    @Test func everyConsistencyProofOfAThousandEventLogVerifiesAndFailsOnceAltered() throws {
        let tree = Self.tree
        var random = SeededGenerator(seed: 0x1_4001)
        let roots = try (0...tree.leafCount).map { try tree.root(size: $0) }
        for new in Self.sizes {
            for old in 1...new {
                let proof = try tree.consistencyProof(old: old, new: new)
                try MerkleVerifier.verifyConsistency(oldSize: old, newSize: new, oldRoot: roots[Int(old)], newRoot: roots[Int(new)], proof: proof)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where !proof.isEmpty:
                    var altered = proof
                    let position = Int.random(in: 0..<altered.count, using: &random)
                    altered[position][Int.random(in: 0..<32, using: &random)] ^= 1 << UInt8.random(in: 0..<8, using: &random)
                    #expect(throws: ProofError.self) { try MerkleVerifier.verifyConsistency(oldSize: old, newSize: new, oldRoot: roots[Int(old)], newRoot: roots[Int(new)], proof: altered) }
                case 1:
                    let wrong = Int64.random(in: 1...tree.leafCount, using: &random)
                    guard wrong != new else { break }
                    #expect(throws: ProofError.self) { try MerkleVerifier.verifyConsistency(oldSize: old, newSize: wrong, oldRoot: roots[Int(old)], newRoot: roots[Int(wrong)], proof: proof) }
                default:
                    let wrongOld = roots[Int(old == 1 ? 2 : old - 1)]
                    #expect(throws: ProofError.self) { try MerkleVerifier.verifyConsistency(oldSize: old, newSize: new, oldRoot: wrongOld, newRoot: roots[Int(new)], proof: proof) }
                }
            }
        }
    }
}
