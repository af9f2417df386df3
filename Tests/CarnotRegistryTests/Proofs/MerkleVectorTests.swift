import Testing
@testable import CarnotRegistry

/// The tree hashing and proofs against published RFC 6962 test vectors, not only against our own code.
///
/// Source: transparency-dev/merkle, proof/verify_test.go (the vectors Trillian and Certificate
/// Transparency test against): the eight leaves, the roots of the trees of 1 to 8 of them, and known-good
/// inclusion and consistency proofs.
struct MerkleVectorTests {
    static let leaves: [[UInt8]] = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                    "606162636465666768696a6b6c6d6e6f"].map { Hex.bytes($0)! }
    static let roots: [[UInt8]] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map { Hex.bytes($0)! }
    /// (leaf, 1-based; tree size; proof).
    static let inclusionProofs: [(Int64, Int64, [String])] = [
        (1, 1, []),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (3, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (2, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    ]
    /// (old size, new size, proof).
    static let consistencyProofs: [(Int64, Int64, [String])] = [
        (1, 1, []),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
        (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    ]

    static var tree: MerkleTree { MerkleTree(leafHashes: leaves.map(MerkleHash.leaf)) }

    @Test func theEmptyTreeAndTheRootsOfOneToEightLeavesAreThePublishedOnes() throws {
        #expect(Hex.string(MerkleHash.emptyRoot) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        for size in 1...8 {
            #expect(try Self.tree.root(size: Int64(size)) == Self.roots[size - 1], "size \(size)")
        }
    }

    @Test func inclusionProofsAreGeneratedAndVerifiedAsPublished() throws {
        for (leaf, size, hexProof) in Self.inclusionProofs {
            let proof = hexProof.map { Hex.bytes($0)! }
            #expect(try Self.tree.inclusionProof(index: leaf - 1, size: size) == proof, "leaf \(leaf) of \(size)")
            let leafHash = MerkleHash.leaf(Self.leaves[Int(leaf - 1)])
            try MerkleVerifier.verifyInclusion(index: leaf - 1, size: size, leafHash: leafHash, proof: proof, root: Self.roots[Int(size - 1)])
        }
    }

    @Test func consistencyProofsAreGeneratedAndVerifiedAsPublished() throws {
        for (old, new, hexProof) in Self.consistencyProofs {
            let proof = hexProof.map { Hex.bytes($0)! }
            #expect(try Self.tree.consistencyProof(old: old, new: new) == proof, "\(old) to \(new)")
            try MerkleVerifier.verifyConsistency(oldSize: old, newSize: new, oldRoot: Self.roots[Int(old - 1)],
                                                 newRoot: Self.roots[Int(new - 1)], proof: proof)
        }
    }

    /// The corruptions of verify_test.go's corruptInclusionProof / corruptConsistencyProof: every one fails.
    @Test func thePublishedProofsFailWhenCorruptedAsTheReferenceTestsCorruptThem() throws {
        let someHash = Hex.bytes("abacaba000000000000000000000000000000000000000000060061e00123456")!
        for (leaf, size, hexProof) in Self.inclusionProofs where !hexProof.isEmpty {
            let proof = hexProof.map { Hex.bytes($0)! }, root = Self.roots[Int(size - 1)]
            let index = leaf - 1, leafHash = MerkleHash.leaf(Self.leaves[Int(index)])
            var probes: [(Int64, Int64, [UInt8], [UInt8], [[UInt8]])] = [
                (index - 1, size, root, leafHash, proof), (index + 1, size, root, leafHash, proof),
                (index ^ 2, size, root, leafHash, proof), (index, size * 2, root, leafHash, proof),
                (index, size / 2, root, leafHash, proof), (index, size, root, Array("WrongLeaf".utf8), proof),
                (index, size, MerkleHash.emptyRoot, leafHash, proof), (index, size, someHash, leafHash, proof),
                (index, size, root, leafHash, proof + [[]]), (index, size, root, leafHash, proof + [root]),
                (index, size, root, leafHash, [[]] + proof), (index, size, root, leafHash, [root] + proof),
                (index, size, root, leafHash, Array(proof.dropLast())),
            ]
            for position in proof.indices {
                var flipped = proof
                flipped[position][0] ^= 8
                probes.append((index, size, root, leafHash, flipped))
            }
            if proof.count > 1 { probes.append((index, size, root, leafHash, [proof[0], someHash] + proof[1...])) }
            for (probeIndex, probeSize, probeRoot, probeLeaf, probeProof) in probes {
                #expect(throws: ProofError.self, "leaf \(leaf) of \(size): \(probeIndex) \(probeSize) \(probeProof.count)") {
                    try MerkleVerifier.verifyInclusion(index: probeIndex, size: probeSize, leafHash: probeLeaf,
                                                       proof: probeProof, root: probeRoot)
                }
            }
        }
        for (old, new, hexProof) in Self.consistencyProofs where !hexProof.isEmpty {
            let proof = hexProof.map { Hex.bytes($0)! }
            let root1 = Self.roots[Int(old - 1)], root2 = Self.roots[Int(new - 1)]
            var probes: [(Int64, Int64, [UInt8], [UInt8], [[UInt8]])] = [
                (old - 1, new, root1, root2, proof), (old + 1, new, root1, root2, proof), (old ^ 2, new, root1, root2, proof),
                (old, new * 2, root1, root2, proof), (old, new / 2, root1, root2, proof),
                (old, new, Array("WrongRoot".utf8), root2, proof), (old, new, root1, Array("WrongRoot".utf8), proof),
                (old, new, root2, root1, proof), (old, new, root1, root2, []),
                (old, new, root1, root2, proof + [[]]), (old, new, root1, root2, proof + [root1]), (old, new, root1, root2, proof + [root2]),
                (old, new, root1, root2, [[]] + proof), (old, new, root1, root2, [root1] + proof),
                (old, new, root1, root2, [root2] + proof), (old, new, root1, root2, [proof[0]] + proof),
                (old, new, root1, root2, Array(proof.dropLast())),
            ]
            for position in proof.indices {
                var flipped = proof
                flipped[position][0] ^= 16
                probes.append((old, new, root1, root2, flipped))
            }
            for (probeOld, probeNew, probeRoot1, probeRoot2, probeProof) in probes {
                #expect(throws: ProofError.self, "\(old) to \(new): \(probeOld) \(probeNew) \(probeProof.count)") {
                    try MerkleVerifier.verifyConsistency(oldSize: probeOld, newSize: probeNew, oldRoot: probeRoot1,
                                                         newRoot: probeRoot2, proof: probeProof)
                }
            }
        }
    }

    @Test func theEdgeCasesOfTheReferenceVerifierAreRefusedOrAcceptedAlike() throws {
        let some = Hex.bytes("abacaba000000000000000000000000000000000000000000060061e00123456")!
        for (index, size) in [(Int64(0), Int64(0)), (0, 1), (1, 0), (2, 1)] {
            #expect(throws: ProofError.self) { try MerkleVerifier.verifyInclusion(index: index, size: size, leafHash: some, proof: [], root: []) }
            #expect(throws: ProofError.self) { try MerkleVerifier.verifyInclusion(index: index, size: size, leafHash: [], proof: [], root: MerkleHash.emptyRoot) }
        }
        let root1 = Array("don't care 1".utf8), root2 = Array("don't care 2".utf8)
        try MerkleVerifier.verifyConsistency(oldSize: 0, newSize: 0, oldRoot: root1, newRoot: root1, proof: [])
        try MerkleVerifier.verifyConsistency(oldSize: 0, newSize: 1, oldRoot: root1, newRoot: root2, proof: [])
        try MerkleVerifier.verifyConsistency(oldSize: 1, newSize: 1, oldRoot: root2, newRoot: root2, proof: [])
        for (old, new, first, second, proof) in [(Int64(1), Int64(1), root1, root2, [[UInt8]]()), (1, 0, root1, root2, []),
                                                 (2, 1, root1, root2, []), (1, 2, root1, root2, []),
                                                 (0, 0, MerkleHash.emptyRoot, MerkleHash.emptyRoot, [MerkleHash.emptyRoot]),
                                                 (0, 1, MerkleHash.emptyRoot, MerkleHash.emptyRoot, [MerkleHash.emptyRoot]),
                                                 (1, 1, MerkleHash.emptyRoot, MerkleHash.emptyRoot, [MerkleHash.emptyRoot])] {
            #expect(throws: ProofError.self, "\(old) to \(new)") {
                try MerkleVerifier.verifyConsistency(oldSize: old, newSize: new, oldRoot: first, newRoot: second, proof: proof)
            }
        }
    }
}
