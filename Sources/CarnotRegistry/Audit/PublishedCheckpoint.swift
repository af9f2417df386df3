import Foundation

/// The signed checkpoint published beside a log (`Events/checkpoint.txt`, with its verifier key
/// `Events/key.pub`): the root of the tree of the log's first N events, signed.
///
/// A log that only grew since the checkpoint was signed still matches it at its own size, so appending
/// events does not break the audit; removing or rewriting any of the first N does.
public enum PublishedCheckpoint {
    public static let checkpointFile = "checkpoint.txt"
    public static let keyFile = "key.pub"

    /// Checks the checkpoint in `folder` (when there is one) against the log of `logSize` events.
    /// - Parameter root: the root of the Merkle tree over the log's first `size` published lines.
    /// - Returns: nil when the folder publishes no checkpoint; else what was found, or the problem.
    static func check(folder: String, logSize: Int64, root: (Int64) throws -> [UInt8]) -> Result<String, ProofError>? {
        let checkpointPath = (folder as NSString).appendingPathComponent(checkpointFile)
        guard let note = FileManager.default.contents(atPath: checkpointPath) else { return nil }
        let keyPath = (folder as NSString).appendingPathComponent(keyFile)
        guard let keyText = FileManager.default.contents(atPath: keyPath) else {
            return .failure(ProofError("\(checkpointPath) is published without its key \(keyPath)"))
        }
        do {
            let key = try NoteVerifierKey(parsing: String(decoding: keyText, as: UTF8.self))
            let checkpoint = try TreeCheckpoint(parsing: try SignedNote.open(String(decoding: note, as: UTF8.self), verifier: key))
            guard checkpoint.size <= logSize else {
                throw ProofError("the signed checkpoint covers \(checkpoint.size) events but the log has \(logSize): events were removed")
            }
            guard try root(checkpoint.size) == checkpoint.rootHash else {
                throw ProofError("the log's first \(checkpoint.size) events do not have the signed checkpoint's root: the log was rewritten")
            }
            return .success("signed checkpoint of \(checkpoint.origin) at \(checkpoint.size) events verifies with \(key.name)+\(String(format: "%08x", key.keyHash))")
        } catch let error as ProofError {
            return .failure(ProofError("\(checkpointPath): \(error)"))
        } catch {
            return .failure(ProofError("\(checkpointPath): \(error)"))
        }
    }
}
