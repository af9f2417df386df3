import CarnotRegistry
import Foundation
import Testing

/// Keys, signed checkpoints and proofs from the command line, checked as an auditor would: with the
/// proof files and the public key only.
@Suite struct ProofCommandTests {
    /// A store of `count` people, one decision each.
    private func populated(_ count: Int) throws -> CLI {
        let cli = try CLI()
        for index in 1...count {
            #expect(try cli.run(["register-person", "p\(index)", "--name", "Person \(index)", "--effective", "2020", "--source", "s"]).status == 0)
        }
        return cli
    }

    @Test func keygenWritesAPrivateKeyOnlyItsOwnerCanReadAndRefusesToOverwrite() throws {
        let cli = try CLI()
        let made = try cli.run(["keygen", "test-log", "--folder", cli.folder.path], withDB: false)
        #expect(made.status == 0, "\(made.stderr)")
        let privatePath = cli.folder.appendingPathComponent("test-log.key").path
        let attributes = try FileManager.default.attributesOfItem(atPath: privatePath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let publicKey = try String(contentsOfFile: cli.folder.appendingPathComponent("test-log.pub").path, encoding: .utf8)
        #expect(try NoteVerifierKey(parsing: publicKey).name == "test-log")
        #expect(try cli.run(["keygen", "test-log", "--folder", cli.folder.path], withDB: false).status == 64)
    }

    @Test func aSignedCheckpointVerifiesWithItsKeyAndFailsWithAnotherOrOnceEdited() throws {
        let cli = try populated(3)
        #expect(try cli.run(["keygen", "log", "--folder", cli.folder.path], withDB: false).status == 0)
        #expect(try cli.run(["keygen", "other", "--folder", cli.folder.path], withDB: false).status == 0)
        let signed = try cli.run(["checkpoint", "--sign", cli.folder.appendingPathComponent("log.key").path])
        #expect(signed.status == 0)
        let lines = signed.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "carnot-registry" && lines[1] == "3")
        let key = try NoteVerifierKey(parsing: try String(contentsOfFile: cli.folder.appendingPathComponent("log.pub").path, encoding: .utf8))
        let other = try NoteVerifierKey(parsing: try String(contentsOfFile: cli.folder.appendingPathComponent("other.pub").path, encoding: .utf8))
        #expect(try TreeCheckpoint(parsing: try SignedNote.open(signed.stdout, verifier: key)).size == 3)
        #expect(throws: ProofError.self) { try SignedNote.open(signed.stdout, verifier: other) }
        #expect(throws: ProofError.self) { try SignedNote.open(signed.stdout.replacingOccurrences(of: "\n3\n", with: "\n4\n"), verifier: key) }
    }

    @Test func inclusionAndConsistencyProofsCheckWithoutTheStoreAndFailOnceTampered() throws {
        let cli = try populated(7)
        #expect(try cli.run(["keygen", "log", "--folder", cli.folder.path], withDB: false).status == 0)
        let key = cli.folder.appendingPathComponent("log.key").path, pub = cli.folder.appendingPathComponent("log.pub").path
        let old = try cli.write("old.txt", try cli.run(["checkpoint", "--size", "3", "--sign", key]).stdout)
        let inclusion = try cli.write("inclusion.txt", try cli.run(["prove", "inclusion", "5", "--sign", key]).stdout)
        let consistency = try cli.write("consistency.txt", try cli.run(["prove", "consistency", "3", "7", "--sign", key]).stdout)
        let export = try cli.run(["export", "--out", cli.folder.appendingPathComponent("export").path])
        #expect(export.status == 0, "\(export.stderr)")
        let log = try String(contentsOfFile: cli.folder.appendingPathComponent("export/recorded-2026.ndjson").path, encoding: .utf8)
        let lines = log.split(separator: "\n").map(String.init)
        let event5 = try cli.write("event5.json", lines[4] + "\n"), event4 = try cli.write("event4.json", lines[3] + "\n")
        try FileManager.default.removeItem(atPath: cli.db)

        let included = try cli.run(["check", "inclusion", inclusion, "--key", pub, "--event", event5], withDB: false)
        #expect(included.status == 0, "\(included.stderr)")
        #expect(try cli.run(["check", "inclusion", inclusion, "--key", pub, "--event", event4], withDB: false).status == 66)
        let editedEvent = try cli.write("edited.json", lines[4].replacingOccurrences(of: "Person 5", with: "Person 6") + "\n")
        #expect(try cli.run(["check", "inclusion", inclusion, "--key", pub, "--event", editedEvent], withDB: false).status == 66)
        let consistent = try cli.run(["check", "consistency", consistency, "--key", pub, "--old", old], withDB: false)
        #expect(consistent.status == 0, "\(consistent.stderr)")

        // A proof with one hash changed, or checked against another key, fails.
        let text = try String(contentsOfFile: consistency, encoding: .utf8)
        var proofLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        proofLines[2] = String(proofLines[2].reversed())
        let tampered = try cli.write("tampered.txt", proofLines.joined(separator: "\n"))
        #expect(try cli.run(["check", "consistency", tampered, "--key", pub, "--old", old], withDB: false).status != 0)
        #expect(try cli.run(["keygen", "log", "--folder", cli.folder.appendingPathComponent("export").path], withDB: false).status == 0)
        let otherPub = cli.folder.appendingPathComponent("export/log.pub").path
        #expect(try cli.run(["check", "consistency", consistency, "--key", otherPub, "--old", old], withDB: false).status == 66)
    }

    @Test func verifyChainOnlyPassesWhereTheFullVerifyFindsAForgedRetraction() throws {
        let cli = try populated(3)
        #expect(try cli.run(["verify", "--chain-only"]).stdout.contains("3 events verifies"))
        let attacker = try SQLiteConnection(path: cli.db)
        try attacker.execute("INSERT INTO merkle_nodes VALUES (0, 1, zeroblob(32))")
        #expect(try cli.run(["verify", "--chain-only"]).status == 0)
        let full = try cli.run(["verify"])
        #expect(full.status == 66)
        #expect(full.stderr.contains("Merkle"))
    }

    @Test func auditOfALiveStoreOfTheBundledHistoryPassesAndFailsOnceItsDerivedDataIsForged() throws {
        let cli = try CLI()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        #expect(try cli.run(["import", root.appendingPathComponent("Events").path]).status == 0)
        let snapshots = root.appendingPathComponent("Snapshots").path
        let audit = try cli.run(["audit", "--db", cli.db, "--snapshots", snapshots], withDB: false)
        #expect(audit.status == 0, "\(audit.stdout) \(audit.stderr)")
        #expect(audit.stdout.contains("verifies in full"))
        let attacker = try SQLiteConnection(path: cli.db)
        try attacker.execute("UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 4 AND idx = 0")
        let forged = try cli.run(["audit", "--db", cli.db, "--snapshots", snapshots], withDB: false)
        #expect(forged.status == 66)
        #expect(forged.stdout.contains("does not verify"))
    }
}
