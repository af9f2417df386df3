import Foundation

/// A proof as printed by `carnot prove` and read by `carnot check`: a header line, one number line, the
/// proof's hashes (standard base64, one per line), an empty line, then the checkpoint it is against.
///
/// An inclusion proof is a C2SP tlog-proof (c2sp.org/tlog-proof): header `c2sp.org/tlog-proof@v1`,
/// `index N` (the leaf index, 0-based: the event at seq N+1), the audit path from leaf to root, then the
/// checkpoint. A consistency proof has the same shape with header `carnot.registry/consistency-proof@v1`
/// and `old N` (the older tree size); the checkpoint is that of the newer tree.
public struct ProofFile: Equatable, Sendable {
    public enum Kind: Sendable {
        case inclusion
        case consistency

        var header: String { self == .inclusion ? "c2sp.org/tlog-proof@v1" : "carnot.registry/consistency-proof@v1" }
        var label: String { self == .inclusion ? "index" : "old" }
    }

    public let kind: Kind
    /// The leaf index (inclusion) or the older tree size (consistency).
    public let number: Int64
    public let hashes: [[UInt8]]
    /// The checkpoint's text: a signed note, or a bare checkpoint.
    public let checkpoint: String

    public init(kind: Kind, number: Int64, hashes: [[UInt8]], checkpoint: String) {
        self.kind = kind
        self.number = number
        self.hashes = hashes
        self.checkpoint = checkpoint
    }

    public var text: String {
        ([kind.header, "\(kind.label) \(number)"] + hashes.map { Data($0).base64EncodedString() }).map { $0 + "\n" }.joined()
            + "\n" + checkpoint
    }

    /// Reads a proof of `kind`.
    /// - Throws: `ProofError` naming the line that is wrong.
    public init(parsing text: String, kind: Kind) throws(ProofError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        guard lines.popFirst() == kind.header else { throw ProofError("line 1: a \(kind) proof starts with '\(kind.header)'") }
        if kind == .inclusion, lines.first?.hasPrefix("extra ") == true { lines.removeFirst() }
        guard let numberLine = lines.popFirst(), numberLine.hasPrefix(kind.label + " "),
              let number = Int64(numberLine.dropFirst(kind.label.count + 1)), number >= 0 else {
            throw ProofError("line 2: expected '\(kind.label) N'")
        }
        var hashes: [[UInt8]] = []
        while let line = lines.popFirst(), !line.isEmpty {
            guard let hash = Data(base64Encoded: line).map(Array.init), hash.count == 32 else {
                throw ProofError("proof hash '\(line.prefix(60))': not standard base64 of 32 bytes")
            }
            hashes.append(hash)
        }
        let checkpoint = lines.joined(separator: "\n")
        guard !checkpoint.isEmpty else { throw ProofError("the proof carries no checkpoint after its hashes and an empty line") }
        self.init(kind: kind, number: number, hashes: hashes, checkpoint: checkpoint)
    }
}
