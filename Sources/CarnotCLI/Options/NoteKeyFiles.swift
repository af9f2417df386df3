import CarnotRegistry
import Foundation

/// Reads the key and checkpoint files the proof commands take.
enum NoteKeyFiles {
    static func text(_ path: String, option: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(message: "--\(option) \(path): cannot read the file", code: 64)
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func signer(_ path: String) throws -> NoteSignerKey {
        do { return try NoteSignerKey(parsing: try text(path, option: "sign")) } catch let error as ProofError {
            throw CommandFailure(message: "--sign \(path): \(error)", code: 64)
        }
    }

    static func verifier(_ path: String) throws -> NoteVerifierKey {
        do { return try NoteVerifierKey(parsing: try text(path, option: "key")) } catch let error as ProofError {
            throw CommandFailure(message: "--key \(path): \(error)", code: 64)
        }
    }

    /// The checkpoint of `size` events as printed: a signed note when a key is given, else the bare text.
    static func checkpointText(_ store: EventStore, origin: String, size: Int64?, sign: String?) throws -> String {
        let checkpoint = try CommandFailure.guarding { () throws(StoreError) in try store.treeCheckpoint(origin: origin, size: size) }
        guard let sign else { return checkpoint.text }
        let key = try signer(sign)
        do { return try SignedNote.sign(checkpoint.text, with: key) } catch {
            throw CommandFailure(message: "--origin \(origin): \(error)", code: 64)
        }
    }

    /// Opens a checkpoint (a signed note) with `key`: the checkpoint once its signature verifies (exit 66 if not).
    static func open(_ note: String, key: NoteVerifierKey, what: String) throws -> TreeCheckpoint {
        do {
            return try TreeCheckpoint(parsing: try SignedNote.open(note, verifier: key))
        } catch {
            throw CommandFailure(message: "\(what): \(error)", code: 66)
        }
    }
}
