import Testing
@testable import CarnotRegistry

/// Inclusion and consistency proofs of every pair of a 1,000-event log (synthetic, seed 14): every leaf in
/// every tree size from 1 to 1,000, and every older size from 1 (and 0) to every newer one — 500,500
/// pairs of each kind.
///
/// Each proof is made by the production prover (`MerkleNodeSource`'s algorithms) over the in-memory
/// `MerkleTree`, must equal the proof of `ReferenceMerkleTree` (RFC 9162 written again from the text), must
/// verify with `MerkleVerifier`, and must fail once altered (one of a bit flipped in one hash, a hash
/// dropped or a hash added, chosen per pair from a seeded generator), against a wrong size (with that
/// size's root, as a checkpoint gives it) and against a wrong root.
///
/// The store's own node source (`StoredMerkleNodes`, over SQLite) is not used here: it is compared with the
/// same reference in `MerklePropertyTests` (every pair of 48 sizes, the 1,000 roots and a seeded sample
/// through its per-call API), which makes these results hold for it too. The pairs are split into chunks
/// that Swift Testing runs in parallel, so that the debug build checks them all in reasonable time.
struct MerkleEveryPairTests {
    static let size = 1_000
    static let chunks = 16

    /// The published lines of the synthetic log.
    static let lines: [[UInt8]] = {
        var lines: [[UInt8]] = []
        SyntheticLog.generate(.init(events: size, institutes: 12, seed: 14)) { lines.append(EventSchema.line(of: $0)) }
        return lines
    }()

    /// The production in-memory tree over the lines' leaf hashes.
    static let tree = MerkleTree(leafHashes: lines.map { MerkleHash.leaf($0) })

    /// The tree sizes (the newer size, for consistency) that chunk `chunk` checks: every `chunks`-th, so
    /// that the chunks have about the same work.
    static func sizes(chunk: Int) -> StrideThrough<Int> { stride(from: 1 + chunk, through: size, by: chunks) }

    /// The reference over the lines and its root of every size (`roots[n]`, n from 0). The reference keeps
    /// what it hashes and is not `Sendable`: each chunk has its own.
    static func reference() -> (ReferenceMerkleTree, [[UInt8]]) {
        let reference = ReferenceMerkleTree(entries: lines)
        return (reference, (0...size).map { reference.mth(0, $0) })
    }

    @Test func theChunksTogetherHoldEveryPairOnce() throws {
        let sizes = (0..<Self.chunks).flatMap { Array(Self.sizes(chunk: $0)) }
        #expect(sizes.sorted() == Array(1...Self.size))
        #expect(sizes.reduce(0, +) == 500_500)
        #expect(Self.lines.count == Self.size)
        #expect(Self.tree.leafCount == Int64(Self.size))
        #expect(Set(Self.lines.map { MerkleHash.leaf($0) }).count == Self.size, "every leaf differs")
    }

    @Test(arguments: 0..<chunks)
    func inclusionProofsOfEveryLeafInEveryTreeSizeAreRFC9162sVerifyAndFailOnceAltered(chunk: Int) async throws {
        let (reference, roots) = Self.reference()
        let tree = Self.tree
        var random = SeededGenerator(seed: 0x1_4000 + UInt64(chunk))
        var problems: [String] = [], pairs = 0
        for size in Self.sizes(chunk: chunk) {
            // Minutes of hashing: give the cooperative pool's threads (one per core) back to the other tests
            // between sizes, or the HTTP tests' async code waits behind this one and times out.
            await Task.yield()
            if try tree.root(size: Int64(size)) != roots[size] { problems.append("size \(size): not RFC 9162's root") }
            for leaf in 0..<size {
                pairs += 1
                let index = Int64(leaf), leafHash = reference.leaves[leaf]
                func verifies(_ proof: [[UInt8]], size: Int, root: [UInt8]) -> Bool {
                    (try? MerkleVerifier.verifyInclusion(index: index, size: Int64(size), leafHash: leafHash, proof: proof, root: root)) != nil
                }
                let proof = try tree.inclusionProof(index: index, size: Int64(size))
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
        #expect(pairs == Self.sizes(chunk: chunk).reduce(0, +))
        #expect(problems.isEmpty, "\(problems.count) problems, the first: \(problems.prefix(5))")
    }

    @Test(arguments: 0..<chunks)
    func consistencyProofsFromEveryOlderSizeToEverySizeAreRFC9162sVerifyAndFailOnceAltered(chunk: Int) async throws {
        let (reference, roots) = Self.reference()
        let tree = Self.tree
        var random = SeededGenerator(seed: 0x1_4100 + UInt64(chunk))
        var problems: [String] = [], pairs = 0
        for new in Self.sizes(chunk: chunk) {
            await Task.yield()
            // From the empty tree: an empty proof, whatever the roots (RFC 9162 defines proofs for 0 < old only).
            let fromEmpty = try tree.consistencyProof(old: 0, new: Int64(new))
            if !fromEmpty.isEmpty { problems.append("0 to \(new): not empty") }
            if (try? MerkleVerifier.verifyConsistency(oldSize: 0, newSize: Int64(new), oldRoot: roots[0], newRoot: roots[new], proof: fromEmpty)) == nil {
                problems.append("0 to \(new): does not verify")
            }
            if (try? MerkleVerifier.verifyConsistency(oldSize: 0, newSize: Int64(new), oldRoot: roots[0], newRoot: roots[new],
                                                      proof: Self.alter(fromEmpty, using: &random))) != nil {
                problems.append("0 to \(new): verifies altered")
            }
            for old in 1...new {
                pairs += 1
                func verifies(_ proof: [[UInt8]], old: Int, new: Int, oldRoot: [UInt8]? = nil, newRoot: [UInt8]? = nil) -> Bool {
                    (try? MerkleVerifier.verifyConsistency(oldSize: Int64(old), newSize: Int64(new), oldRoot: oldRoot ?? roots[old],
                                                           newRoot: newRoot ?? roots[new], proof: proof)) != nil
                }
                let proof = try tree.consistencyProof(old: Int64(old), new: Int64(new))
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
        #expect(pairs == Self.sizes(chunk: chunk).reduce(0, +))
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
