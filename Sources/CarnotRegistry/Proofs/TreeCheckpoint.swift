import Foundation

/// A checkpoint of a log's Merkle tree in the C2SP tlog-checkpoint format (c2sp.org/tlog-checkpoint): the
/// body of a signed note, three lines and optional extension lines, each ending in a newline:
///
/// ```
/// carnot.example/registry       <- origin: names the log
/// 4821                          <- tree size, decimal
/// 3q2+7w...=                    <- root hash, standard base64 (32 bytes)
/// ```
public struct TreeCheckpoint: Equatable, Sendable {
    public let origin: String
    public let size: Int64
    public let rootHash: [UInt8]
    /// Further lines, kept as read (the format allows them; this registry writes none).
    public let extensions: [String]

    public init(origin: String, size: Int64, rootHash: [UInt8], extensions: [String] = []) {
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensions = extensions
    }

    /// The note text.
    public var text: String {
        ([origin, String(size), Data(rootHash).base64EncodedString()] + extensions).map { $0 + "\n" }.joined()
    }

    /// Reads a checkpoint's note text (without its signatures: see `SignedNote.open`).
    /// - Throws: `ProofError` naming the line that is wrong.
    public init(parsing text: String) throws(ProofError) {
        guard text.hasSuffix("\n") else { throw ProofError("a checkpoint ends with a newline") }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3 else { throw ProofError("a checkpoint has at least three lines (origin, size, root hash), not \(lines.count)") }
        guard !lines[0].isEmpty else { throw ProofError("line 1: the origin is empty") }
        guard let size = Int64(lines[1]), size >= 0, String(size) == lines[1] else {
            throw ProofError("line 2: '\(lines[1])' is not a tree size (a decimal number without leading zeros)")
        }
        guard let root = Data(base64Encoded: lines[2]).map(Array.init), root.count == 32,
              Data(root).base64EncodedString() == lines[2] else {
            throw ProofError("line 3: '\(lines[2])' is not a root hash (standard base64 of 32 bytes)")
        }
        guard !lines[3...].contains(where: \.isEmpty) else { throw ProofError("a checkpoint has no empty line") }
        self.init(origin: lines[0], size: size, rootHash: root, extensions: Array(lines[3...]))
    }
}
