import Foundation

/// An audit checkpoint: the canonical state document on a day, with the log head it was computed from.
///
/// Its file is the canonical JSON of `StateDocument` followed by a newline; the `at` and `head` inside it
/// say which question it answers, so an audit can recompute it from the log alone.
public struct Snapshot: Equatable, Sendable {
    public let at: Day
    public let head: LogHead
    public let document: JSONValue

    /// The snapshot of `state` on `day` computed from the log up to `head`.
    public init(state: RegistryState, at day: Day, head: LogHead) {
        self.at = day
        self.head = head
        self.document = StateDocument.json(state, at: day, head: head)
    }

    /// Reads a snapshot file.
    /// - Throws: `EventFormatError` naming the field when the file is not a snapshot.
    public init(json: JSONValue) throws(EventFormatError) {
        guard case .string(let atText)? = json["at"], let at = try? PartialDate(parsing: atText), at.precision == .day else {
            throw EventFormatError(field: "at", rule: "a snapshot names its day as YYYY-MM-DD")
        }
        guard case .integer(let seq)? = json["head"]?["seq"], case .string(let hash)? = json["head"]?["hash"] else {
            throw EventFormatError(field: "head", rule: "a snapshot names the log head it was computed from: {seq, hash}")
        }
        self.at = at.day
        self.head = LogHead(seq: seq, hash: hash)
        self.document = json
    }

    /// The file's bytes.
    public var bytes: [UInt8] { CanonicalJSON.bytes(document) + [0x0A] }
}
