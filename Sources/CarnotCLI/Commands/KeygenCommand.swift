import ArgumentParser
import CarnotRegistry
import Foundation

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write an Ed25519 key pair for signing checkpoints, in the C2SP signed-note key formats.",
        discussion: """
        Writes NAME.key (the signer key, PRIVATE+KEY+NAME+HASH+KEY, file mode 0600: keep it out of any \
        repository) and NAME.pub (the verifier key, NAME+HASH+KEY, to publish). Refuses to overwrite.

        Example:
          carnot keygen carnot-registry
        """)

    @Argument(help: ArgumentHelp("The key's name (no '+' or spaces); signatures carry it.", valueName: "name"))
    var name: String
    @Option(help: ArgumentHelp("Where to write the two files.", valueName: "dir"))
    var folder: String = "."

    func run() throws {
        let key: NoteSignerKey
        do { key = try NoteSignerKey.generate(name: name) } catch { throw CommandFailure(message: "name: \(error)", code: 64) }
        let privatePath = (folder as NSString).appendingPathComponent("\(name).key")
        let publicPath = (folder as NSString).appendingPathComponent("\(name).pub")
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw CommandFailure(message: "\(path) exists: keygen never overwrites a key; choose another name or folder", code: 64)
        }
        // Created 0600 before the key is written, so it is never readable by others, even for a moment.
        guard FileManager.default.createFile(atPath: privatePath, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: privatePath) else {
            throw CommandFailure(message: "cannot create \(privatePath) (does the folder exist and is it writable?)", code: 1)
        }
        handle.write(Data((key.encoded + "\n").utf8))
        try handle.close()
        guard FileManager.default.createFile(atPath: publicPath, contents: Data((key.verifier.encoded + "\n").utf8)) else {
            throw CommandFailure(message: "cannot create \(publicPath)", code: 1)
        }
        Console.out("wrote \(privatePath) (private, mode 0600) and \(publicPath): \(key.verifier.encoded)")
    }
}
