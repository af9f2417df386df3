import Testing
@testable import CarnotRegistry

/// The store's Merkle tree (the SQLite node source) gives the proofs of RFC 9162, on a 1,000-event log
/// (synthetic, seed 14, the log of `MerkleEveryPairTests`).
///
/// `MerkleEveryPairTests` checks every pair (every leaf in every size, every older size against every
/// size) over the in-memory `MerkleTree`: the proofs equal the reference's, verify, and fail once altered,
/// at a wrong size or against a wrong root. These tests cover the other production node source, the
/// store's `merkle_nodes` table (`StoredMerkleNodes`): its proofs of every position and every older size
/// in trees of 48 sizes (every size from 1 to 16, the powers of two and their neighbours up to 513, 1,000,
/// and random ones: 23,000-odd pairs of each kind, which cover every shape of path) equal those of
/// `ReferenceMerkleTree` (RFC 9162 written again from the text), so the every-pair results hold for them.
/// The store's per-call entry points (`inclusionProof(seq:size:)`, a fresh node source per call) are
/// compared with the reference on the 1,000 roots and a seeded sample of 3,000 pairs.
struct MerklePropertyTests {
    static let size = 1_000

    static let sizes: [Int] = {
        var random = SeededGenerator(seed: 0x1_4002)
        var sizes = Set<Int>(1...16)
        for power in 4...9 { sizes.formUnion([(1 << power) - 1, 1 << power, (1 << power) + 1]) }
        sizes.insert(size)
        while sizes.count < 48 { sizes.insert(Int.random(in: 17...999, using: &random)) }
        return sizes.sorted()
    }()

    /// A store holding the synthetic log, and that log's published lines.
    static func storeAndLines() throws -> (EventStore, [[UInt8]]) {
        var log: [RecordedEvent] = []
        SyntheticLog.generate(.init(events: size, institutes: 12, seed: 14)) { log.append($0) }
        // A clock after the log's last record time, so that the import accepts every event.
        let store = try Fixture.store(FixedEnvironment(start: Timestamp(startOf: day("2030-01-01"))))
        _ = try store.importLog(log.map {
            LogFile.Entry(event: $0, body: CanonicalJSON.bytes(EventSchema.body(of: $0)), file: "synthetic", line: Int($0.seq))
        })
        return (store, log.map { EventSchema.line(of: $0) })
    }

    /// The store's node source for the whole log, the reference over the same lines, and the reference's
    /// root of every size (`roots[n]`, n from 1).
    static func proverAndReference() throws -> (ReferenceMerkleTree, any MerkleNodeSource, [[UInt8]]) {
        let (store, lines) = try storeAndLines()
        let reference = ReferenceMerkleTree(entries: lines)
        let nodes = try store.merkleNodes(size: Int64(size))
        #expect(nodes is StoredMerkleNodes, "the proofs come from the stored tree")
        return (reference, nodes, [[]] + (1...size).map { reference.mth(0, $0) })
    }

    @Test func theStoresRootsAndASeededSampleOfItsProofsAreThoseOfRFC9162() throws {
        let (store, lines) = try Self.storeAndLines()
        let reference = ReferenceMerkleTree(entries: lines)
        for size in 1...Self.size {
            #expect(try store.treeCheckpoint(origin: "o", size: Int64(size)).rootHash == reference.mth(0, size), "size \(size)")
        }
        var random = SeededGenerator(seed: 0x1_4003)
        // The corners (the first and last leaf, sizes around the powers of two) and 3,000 random pairs.
        var pairs: [(Int, Int)] = [(1, 1), (1, 2), (2, 2), (1, Self.size), (Self.size, Self.size)]
        for power in 1...9 { pairs += [(1 << power, (1 << power) + 1), ((1 << power) - 1, 1 << power), (1 << power, Self.size)] }
        for _ in 0..<3_000 {
            let new = Int.random(in: 1...Self.size, using: &random)
            pairs.append((Int.random(in: 1...new, using: &random), new))
        }
        for (small, large) in pairs {
            #expect(try store.inclusionProof(seq: Int64(small), size: Int64(large)) == reference.inclusionProof(leaf: small - 1, size: large),
                    "inclusion of \(small) in \(large)")
            #expect(try store.consistencyProof(old: Int64(small), new: Int64(large)) == reference.consistencyProof(old: small, new: large),
                    "consistency from \(small) to \(large)")
        }
    }

    @Test func theStoresTreeGivesRFC9162sProofsOfEveryLeafAndEveryOlderSizeIn48Sizes() throws {
        let (reference, nodes, roots) = try Self.proverAndReference()
        var problems: [String] = [], pairs = 0
        for size in Self.sizes {
            if try nodes.root(size: Int64(size)) != roots[size] { problems.append("size \(size): not RFC 9162's root") }
            for leaf in 0..<size {
                pairs += 1
                if try nodes.inclusionProof(index: Int64(leaf), size: Int64(size)) != reference.inclusionProof(leaf: leaf, size: size) {
                    problems.append("\(leaf + 1) in \(size): not RFC 9162's inclusion proof")
                }
                if try nodes.consistencyProof(old: Int64(leaf + 1), new: Int64(size)) != reference.consistencyProof(old: leaf + 1, new: size) {
                    problems.append("\(leaf + 1) to \(size): not RFC 9162's consistency proof")
                }
            }
        }
        #expect(pairs == Self.sizes.reduce(0, +))
        #expect(problems.isEmpty, "\(problems.count) problems, the first: \(problems.prefix(5))")
    }
}
