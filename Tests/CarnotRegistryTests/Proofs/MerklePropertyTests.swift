import Testing
@testable import CarnotRegistry

/// Inclusion and consistency proofs of a 1,000-event log (synthetic, seed 14).
///
/// Every position is proved in trees of 48 sizes (every size from 1 to 16, the powers of two and their
/// neighbours up to 513, 1,000, and random ones), and every older size against them: 23,000-odd pairs of
/// each kind, which cover every shape of path. Each proof is made by the production prover
/// (`MerkleNodeSource`'s algorithms) over the store's own `merkle_nodes` table (`StoredMerkleNodes`), must
/// equal the proof of `ReferenceMerkleTree` (RFC 9162 written again from the text), must verify with
/// `MerkleVerifier`, and must fail once altered (a bit flipped in one hash, a hash dropped or added),
/// against a wrong size (with that size's root, as a checkpoint gives it) and against a wrong root.
///
/// Not every one of the 500,500 pairs of each kind: that took more than six minutes of a shared 2-core
/// machine in a debug build, even from in-memory hashes, which the suite cannot afford.
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

    @Test func inclusionProofsOfEveryLeafInTreesOf48SizesAreRFC9162sVerifyAndFailOnceAltered() throws {
        let (reference, nodes, roots) = try Self.proverAndReference()
        var random = SeededGenerator(seed: 0x1_4000)
        var problems: [String] = [], pairs = 0
        for size in Self.sizes {
            for leaf in 0..<size {
                pairs += 1
                let index = Int64(leaf), leafHash = reference.leaves[leaf]
                func verifies(_ proof: [[UInt8]], size: Int, root: [UInt8]) -> Bool {
                    (try? MerkleVerifier.verifyInclusion(index: index, size: Int64(size), leafHash: leafHash, proof: proof, root: root)) != nil
                }
                let proof = try nodes.inclusionProof(index: index, size: Int64(size))
                if proof != reference.inclusionProof(leaf: leaf, size: size) { problems.append("\(leaf + 1) in \(size): not RFC 9162's proof") }
                if !verifies(proof, size: size, root: roots[size]) { problems.append("\(leaf + 1) in \(size): does not verify") }
                if verifies(Self.alter(proof, using: &random), size: size, root: roots[size]) { problems.append("\(leaf + 1) in \(size): verifies altered") }
                // A wrong size comes with its own root (a checkpoint names both); one that still holds the leaf when there is one.
                let wrongSize = Self.other(than: size, in: leaf + 1 < Self.size ? leaf + 1...Self.size : 1...Self.size, using: &random)
                if verifies(proof, size: wrongSize, root: roots[wrongSize]) { problems.append("\(leaf + 1) in \(size): verifies at size \(wrongSize)") }
                let wrongRoot = roots[Self.other(than: size, in: 1...Self.size, using: &random)]
                if verifies(proof, size: size, root: wrongRoot) { problems.append("\(leaf + 1) in \(size): verifies against another root") }
            }
        }
        #expect(pairs == Self.sizes.reduce(0, +))
        #expect(problems.isEmpty, "\(problems.count) problems, the first: \(problems.prefix(5))")
    }

    @Test func consistencyProofsFromEveryOlderSizeTo48SizesAreRFC9162sVerifyAndFailOnceAltered() throws {
        let (reference, nodes, roots) = try Self.proverAndReference()
        var random = SeededGenerator(seed: 0x1_4001)
        var problems: [String] = [], pairs = 0
        for new in Self.sizes {
            for old in 1...new {
                pairs += 1
                func verifies(_ proof: [[UInt8]], old: Int, new: Int, oldRoot: [UInt8]? = nil, newRoot: [UInt8]? = nil) -> Bool {
                    (try? MerkleVerifier.verifyConsistency(oldSize: Int64(old), newSize: Int64(new), oldRoot: oldRoot ?? roots[old],
                                                           newRoot: newRoot ?? roots[new], proof: proof)) != nil
                }
                let proof = try nodes.consistencyProof(old: Int64(old), new: Int64(new))
                if proof != reference.consistencyProof(old: old, new: new) { problems.append("\(old) to \(new): not RFC 9162's proof") }
                if !verifies(proof, old: old, new: new) { problems.append("\(old) to \(new): does not verify") }
                if verifies(Self.alter(proof, using: &random), old: old, new: new) { problems.append("\(old) to \(new): verifies altered") }
                // A wrong size (with its root) on one side, the other when that side has no other size to take.
                if Bool.random(using: &random) && new > 1 || old == Self.size {
                    let wrongOld = Self.other(than: old, in: 1...new, using: &random)
                    if verifies(proof, old: wrongOld, new: new) { problems.append("\(old) to \(new): verifies from \(wrongOld)") }
                } else {
                    let wrongNew = Self.other(than: new, in: old...Self.size, using: &random)
                    if verifies(proof, old: old, new: wrongNew) { problems.append("\(old) to \(new): verifies to \(wrongNew)") }
                }
                let wrongRoot = roots[Self.other(than: old, new, in: 1...Self.size, using: &random)]
                if verifies(proof, old: old, new: new, oldRoot: wrongRoot) || verifies(proof, old: old, new: new, newRoot: wrongRoot) {
                    problems.append("\(old) to \(new): verifies against another root")
                }
            }
        }
        #expect(pairs == Self.sizes.reduce(0, +))
        #expect(problems.isEmpty, "\(problems.count) problems, the first: \(problems.prefix(5))")
    }

    /// The proof with one alteration chosen at random: a bit flipped in one hash, a hash dropped, or a hash
    /// added (the only one possible on an empty proof).
    static func alter(_ proof: [[UInt8]], using random: inout SeededGenerator) -> [[UInt8]] {
        var altered = proof
        switch proof.isEmpty ? 2 : Int.random(in: 0..<3, using: &random) {
        case 0:
            let position = Int.random(in: 0..<altered.count, using: &random)
            altered[position][Int.random(in: 0..<32, using: &random)] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        case 1:
            altered.remove(at: Int.random(in: 0..<altered.count, using: &random))
        default:
            altered.insert((0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }, at: Int.random(in: 0...altered.count, using: &random))
        }
        return altered
    }

    /// A value of `range` other than `values` (`range` holds another value).
    static func other(than values: Int..., in range: ClosedRange<Int>, using random: inout SeededGenerator) -> Int {
        precondition(range.contains { !values.contains($0) }, "no value in \(range) other than \(values)")
        while true {
            let pick = Int.random(in: range, using: &random)
            if !values.contains(pick) { return pick }
        }
    }
}
