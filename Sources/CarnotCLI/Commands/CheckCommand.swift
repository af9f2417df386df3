import ArgumentParser
import CarnotRegistry
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a proof from `carnot prove` against a signed checkpoint and a public key, without the store.",
        discussion: """
        What an auditor runs: nothing is read but the files given. Exits 66 when the proof, the signature or \
        the checkpoint does not verify.

        Examples:
          carnot keygen carnot-registry
          carnot prove inclusion 57 --sign carnot-registry.key > proof.txt
          carnot log --format json --since 56 | head -n 1 > event.json
          carnot check inclusion proof.txt --key carnot-registry.pub --event event.json
          carnot checkpoint --size 200 --sign carnot-registry.key > old.txt
          carnot prove consistency 200 296 --sign carnot-registry.key > growth.txt
          carnot check consistency growth.txt --key carnot-registry.pub --old old.txt
        """,
        subcommands: [Inclusion.self, Consistency.self])

    struct Inclusion: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check that an event's published line is in a signed checkpoint's tree.")

        @Argument(help: ArgumentHelp("The proof file.", valueName: "proof"))
        var proof: String
        @Option(help: ArgumentHelp("The log's verifier key file (NAME+HASH+KEY).", valueName: "key"))
        var key: String
        @Option(help: ArgumentHelp("A file whose first line is the event's published line (as in Events/*.ndjson).", valueName: "file"))
        var event: String
        @Option(help: ArgumentHelp("Check against this signed checkpoint rather than the one in the proof.", valueName: "file"))
        var checkpoint: String?

        func run() throws {
            let verifier = try NoteKeyFiles.verifier(key)
            let file = try CheckCommand.proofFile(proof, kind: .inclusion)
            let tree = try NoteKeyFiles.open(try checkpoint.map { try NoteKeyFiles.text($0, option: "checkpoint") } ?? file.checkpoint,
                                             key: verifier, what: "checkpoint")
            let line = Array(try NoteKeyFiles.text(event, option: "event").utf8.prefix { $0 != 0x0A })
            guard case .integer(let seq)? = (try? JSONParser.parse(line))?["seq"] else {
                throw CommandFailure(message: "--event \(event): the first line is not a published event (no seq)", code: 64)
            }
            guard seq == file.number + 1 else {
                throw CommandFailure(message: "the proof is for the event at seq \(file.number + 1), the event given is at seq \(seq)", code: 66)
            }
            do {
                try MerkleVerifier.verifyInclusion(index: file.number, size: tree.size, leafHash: MerkleHash.leaf(line),
                                                   proof: file.hashes, root: tree.rootHash)
            } catch {
                throw CommandFailure(message: "inclusion proof: \(error)", code: 66)
            }
            Console.out("ok: the event at seq \(seq) is in \(tree.origin)'s log of \(tree.size) events, checkpoint signed by \(verifier.name)")
        }
    }

    struct Consistency: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check that an older signed checkpoint's tree is a prefix of a newer one's.")

        @Argument(help: ArgumentHelp("The proof file.", valueName: "proof"))
        var proof: String
        @Option(help: ArgumentHelp("The log's verifier key file (NAME+HASH+KEY).", valueName: "key"))
        var key: String
        @Option(help: ArgumentHelp("The older signed checkpoint, as published before.", valueName: "file"))
        var old: String
        @Option(help: ArgumentHelp("Check against this newer signed checkpoint rather than the one in the proof.", valueName: "file"))
        var checkpoint: String?

        func run() throws {
            let verifier = try NoteKeyFiles.verifier(key)
            let file = try CheckCommand.proofFile(proof, kind: .consistency)
            let older = try NoteKeyFiles.open(try NoteKeyFiles.text(old, option: "old"), key: verifier, what: "--old checkpoint")
            let newer = try NoteKeyFiles.open(try checkpoint.map { try NoteKeyFiles.text($0, option: "checkpoint") } ?? file.checkpoint,
                                              key: verifier, what: "checkpoint")
            guard older.origin == newer.origin else {
                throw CommandFailure(message: "the checkpoints name different logs: '\(older.origin)' and '\(newer.origin)'", code: 66)
            }
            guard older.size == file.number else {
                throw CommandFailure(message: "the proof starts from size \(file.number), the older checkpoint has size \(older.size)", code: 66)
            }
            do {
                try MerkleVerifier.verifyConsistency(oldSize: older.size, newSize: newer.size, oldRoot: older.rootHash,
                                                     newRoot: newer.rootHash, proof: file.hashes)
            } catch {
                throw CommandFailure(message: "consistency proof: \(error)", code: 66)
            }
            Console.out("ok: \(newer.origin)'s log of \(newer.size) events extends its log of \(older.size) events, both signed by \(verifier.name)")
        }
    }

    static func proofFile(_ path: String, kind: ProofFile.Kind) throws -> ProofFile {
        do { return try ProofFile(parsing: try NoteKeyFiles.text(path, option: "proof"), kind: kind) } catch let error as ProofError {
            throw CommandFailure(message: "\(path): \(error)", code: 64)
        }
    }
}
