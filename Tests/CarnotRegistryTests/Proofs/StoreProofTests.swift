import Foundation
import Testing
@testable import CarnotRegistry

/// The Merkle tree the store keeps as it appends, and the proofs it gives, against the published lines.
struct StoreProofTests {
    @Test func theStoredTreeIsTheTreeOfTheExportedLinesAndSplicedLinesAreTheCanonicalOnes() throws {
        let store = try Fixture.store()
        try store.recordHistory()
        let events = try store.events()
        for event in events {
            #expect(try store.publishedLine(seq: event.seq) == EventSchema.line(of: event), "seq \(event.seq)")
        }
        let reference = MerkleTree(leafHashes: events.map { MerkleHash.leaf(EventSchema.line(of: $0)) })
        let nodes = try store.merkleNodes(size: Int64(events.count))
        #expect(nodes is StoredMerkleNodes)
        for size in 1...Int64(events.count) {
            #expect(try store.treeCheckpoint(origin: "o", size: size).rootHash == reference.root(size: size))
            for seq in 1...size {
                let proof = try store.inclusionProof(seq: seq, size: size)
                try MerkleVerifier.verifyInclusion(index: seq - 1, size: size, leafHash: MerkleHash.leaf(EventSchema.line(of: events[Int(seq - 1)])),
                                                   proof: proof, root: reference.root(size: size))
            }
            for old in 1...size {
                try MerkleVerifier.verifyConsistency(oldSize: old, newSize: size, oldRoot: reference.root(size: old),
                                                     newRoot: reference.root(size: size), proof: store.consistencyProof(old: old, new: size))
            }
        }
        #expect(try store.verify().isValid)
    }

    /// Two stores on one file append in turns of different lengths (so that each finds the other's leaves
    /// beside the nodes it added itself: `merkleFrontier`, the hashed low nodes), each turn ending with a
    /// decision refused at its second event, whose first leaf is rolled back; both give the tree of the log.
    @Test func appendsTakingTurnsWithAnotherWriterKeepTheTreeOfTheLog() throws {
        try Fixture.withFileStore { first, path in
            let second = try EventStore(path: path, environment: FixedEnvironment(writer: 2))
            for (turn, run) in [1, 3, 1, 7, 2, 16, 1, 5, 9].enumerated() {
                let writer = turn.isMultiple(of: 2) ? first : second
                for index in 0..<run {
                    try writer.append([Draft.registerInstitute("i\(turn)-\(index)", "Carnot \(turn) \(index)", on: "2006-01-01")])
                }
                // Its first event is inserted, and its leaf added, before the second is refused.
                #expect(throws: StoreError.self) {
                    try writer.append([Draft.registerInstitute("x\(turn)", "Carnot X\(turn)", on: "2006-01-01"),
                                       Draft.registerInstitute("i\(turn)-0", "Carnot again", on: "2006-01-01")])
                }
            }
            let events = try first.events()
            #expect(events.count == 45)
            let reference = MerkleTree(leafHashes: events.map { MerkleHash.leaf(EventSchema.line(of: $0)) })
            for store in [first, second] {
                #expect(try store.treeCheckpoint(origin: "o").rootHash == reference.root(size: 45))
            }
            #expect(try first.verify().isValid)
        }
    }

    @Test func aStoreOfTheOlderLayoutGetsItsTreeOnUpgradeAndAReadOnlyOneComputesItFromTheEvents() throws {
        try Fixture.withFileStore { store, path in
            try store.recordHistory()
            let root = try store.treeCheckpoint(origin: "o").rootHash
            do {
                let raw = try SQLiteConnection(path: path)
                try raw.execute("DELETE FROM merkle_nodes; PRAGMA user_version = 2")
            }
            let readOnly = try? EventStore(path: path, readOnly: true)
            if let readOnly {
                #expect(try readOnly.treeCheckpoint(origin: "o").rootHash == root)
            }
            let upgraded = try EventStore(path: path)
            #expect(try upgraded.merkleNodes(size: 5) is StoredMerkleNodes)
            #expect(try upgraded.connection.integer("SELECT count(*) FROM merkle_nodes WHERE level < 4") == 0)
            #expect(try upgraded.connection.integer("SELECT count(*) FROM merkle_nodes WHERE level = 4") == 1)
            #expect(try upgraded.treeCheckpoint(origin: "o").rootHash == root)
            #expect(try upgraded.verify().isValid)
        }
    }

    @Test func aLayout7StoreDropsItsNodesBelowLevel4OnUpgradeAndItsProofsStayTheSame() throws {
        try Fixture.withFileStore { store, path in
            try store.recordHistory()
            let head = try store.head().seq
            let root = try store.treeCheckpoint(origin: "o").rootHash
            let proofs = try (1...head).map { try store.inclusionProof(seq: $0) }
            do {
                // What layout 7 kept besides: every node of the tree, from the leaves up.
                let raw = try SQLiteConnection(path: path)
                var tree = MerkleTree()
                for event in try store.events() { tree.append(leafHash: MerkleHash.leaf(EventSchema.line(of: event))) }
                let insert = try raw.statement("INSERT INTO merkle_nodes (level, idx, hash) VALUES (?1, ?2, ?3)")
                for (level, nodes) in tree.levels.enumerated() where level < 4 {
                    for (index, hash) in nodes.enumerated() { try insert.execute([.integer(Int64(level)), .integer(Int64(index)), .blob(hash)]) }
                }
                try raw.execute("PRAGMA user_version = 7")
            }
            let upgraded = try EventStore(path: path)
            #expect(upgraded.upgradedFromLayout == 7)
            #expect(try upgraded.connection.integer("SELECT count(*) FROM merkle_nodes WHERE level < 4") == 0)
            #expect(try upgraded.treeCheckpoint(origin: "o").rootHash == root)
            #expect(try (1...head).map { try upgraded.inclusionProof(seq: $0) } == proofs)
            #expect(try upgraded.verify().isValid)
        }
    }

    @Test func proofsAskedBeyondTheLogAreRefusedNamingTheField() throws {
        let store = try Fixture.store()
        try store.recordHistory()
        let head = try store.head().seq
        #expect(throws: StoreError.self) { try store.inclusionProof(seq: head + 1) }
        #expect(throws: StoreError.self) { try store.inclusionProof(seq: 0) }
        #expect(throws: StoreError.self) { try store.inclusionProof(seq: 1, size: head + 1) }
        #expect(throws: StoreError.self) { try store.consistencyProof(old: 3, new: 2) }
        #expect(throws: StoreError.self) { try store.consistencyProof(old: 0, new: 2) }
    }

    @Test(arguments: [
        "UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 4 AND idx = 0",
        "DELETE FROM merkle_nodes WHERE level = 4 AND idx = 0",
        // A node below the levels the store keeps, and one beyond the log.
        "INSERT INTO merkle_nodes VALUES (0, 3, zeroblob(32))",
        "INSERT INTO merkle_nodes VALUES (4, 1, zeroblob(32))",
        "INSERT INTO merkle_nodes VALUES (0, 100000, zeroblob(32))",
        "INSERT INTO merkle_nodes VALUES (40, 0, zeroblob(32))",
        "INSERT INTO merkle_nodes VALUES (0, -1, zeroblob(32))",
    ])
    func verifyChecksTheStoredTreeNodeByNodeAndFindsAnyEditedMissingOrExtraNode(edit: String) throws {
        try Fixture.withFileStore { store, path in
            try store.recordHistory()
            #expect(try store.verify().isValid)
            try SQLiteConnection(path: path).execute(edit)
            let failure = try #require(try store.verify().failure, "\(edit) passed verify")
            #expect(failure.reason.contains("Merkle tree"), "\(failure)")
        }
    }
}
