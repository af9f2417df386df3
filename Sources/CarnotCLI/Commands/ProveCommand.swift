import ArgumentParser
import CarnotRegistry
import Foundation

struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Print a Merkle proof that an event is in the log, or that the log only grew.",
        discussion: """
        The proof ends with the checkpoint it is against (signed with --sign). Check it without the store \
        with `carnot check`, or with any RFC 9162 implementation (README, Proofs).

        Examples:
          carnot keygen carnot-registry
          carnot prove inclusion 57 --sign carnot-registry.key > proof.txt
          carnot prove consistency 200 296 --sign carnot-registry.key > growth.txt
        """,
        subcommands: [Inclusion.self, Consistency.self])

    struct Inclusion: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove that the event at SEQ is in the tree of the first N events (a C2SP tlog-proof).")

        @Argument(help: ArgumentHelp("The event's position.", valueName: "seq"))
        var seq: Int64
        @Option(help: ArgumentHelp("The tree size (default: every event).", valueName: "n"))
        var size: Int64?
        @Option(help: ArgumentHelp("Sign the checkpoint with this key file.", valueName: "key"))
        var sign: String?
        @Option(help: ArgumentHelp("The checkpoint's origin line.", valueName: "origin"))
        var origin: String = CheckpointCommand.defaultOrigin
        @OptionGroup var store: StoreOptions

        func run() throws {
            let store = try self.store.openForReading()
            let hashes = try CommandFailure.guarding { () throws(StoreError) in try store.inclusionProof(seq: seq, size: size) }
            let checkpoint = try NoteKeyFiles.checkpointText(store, origin: origin, size: size, sign: sign)
            let proof = ProofFile(kind: .inclusion, number: seq - 1, hashes: hashes, checkpoint: checkpoint)
            FileHandle.standardOutput.write(Data(proof.text.utf8))
        }
    }

    struct Consistency: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove that the tree of the first OLD events is a prefix of the tree of the first NEW.")

        @Argument(help: ArgumentHelp("The older tree size.", valueName: "old"))
        var old: Int64
        @Argument(help: ArgumentHelp("The newer tree size.", valueName: "new"))
        var new: Int64
        @Option(help: ArgumentHelp("Sign the newer checkpoint with this key file.", valueName: "key"))
        var sign: String?
        @Option(help: ArgumentHelp("The checkpoint's origin line.", valueName: "origin"))
        var origin: String = CheckpointCommand.defaultOrigin
        @OptionGroup var store: StoreOptions

        func run() throws {
            let store = try self.store.openForReading()
            let hashes = try CommandFailure.guarding { () throws(StoreError) in try store.consistencyProof(old: old, new: new) }
            let checkpoint = try NoteKeyFiles.checkpointText(store, origin: origin, size: new, sign: sign)
            let proof = ProofFile(kind: .consistency, number: old, hashes: hashes, checkpoint: checkpoint)
            FileHandle.standardOutput.write(Data(proof.text.utf8))
        }
    }
}
