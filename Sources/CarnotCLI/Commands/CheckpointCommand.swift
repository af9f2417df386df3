import ArgumentParser
import CarnotRegistry
import Foundation

struct CheckpointCommand: ParsableCommand {
    /// The origin line of this registry's checkpoints unless --origin says otherwise.
    static let defaultOrigin = "carnot-registry"

    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print a checkpoint of the log's Merkle tree (C2SP tlog-checkpoint), optionally signed.",
        discussion: """
        Three lines: the origin, the tree size (the number of events), the root hash in base64. With --sign \
        KEY (a key written by `carnot keygen`) it is a C2SP signed note, which anyone can check with the \
        public key: publish it, and later `carnot check consistency` proves the log only grew.

        Examples:
          carnot keygen carnot-registry
          carnot checkpoint --sign carnot-registry.key > checkpoint.txt
        """)

    @Option(help: ArgumentHelp("The signer key file (PRIVATE+KEY+...).", valueName: "key"))
    var sign: String?
    @Option(help: ArgumentHelp("The origin line, naming the log.", valueName: "origin"))
    var origin: String = CheckpointCommand.defaultOrigin
    @Option(help: ArgumentHelp("The tree size (default: every event).", valueName: "n"))
    var size: Int64?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try self.store.openForReading()
        FileHandle.standardOutput.write(Data(try NoteKeyFiles.checkpointText(store, origin: origin, size: size, sign: sign).utf8))
    }
}
