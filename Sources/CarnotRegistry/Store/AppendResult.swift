/// What an append did: the positions of the decision's events and the head after it.
public struct AppendResult: Equatable, Sendable {
    /// The position of the decision's first event.
    public let firstSeq: Int64
    /// The position of its last event.
    public let lastSeq: Int64
    /// The head after the append.
    public let head: LogHead
    /// True when the idempotency key matched an earlier append of the same decision: nothing was written.
    public let replayed: Bool
}

/// The last position of the log and its hash: what an auditor publishes to detect truncation later.
public struct LogHead: Equatable, Sendable, CustomStringConvertible {
    public let seq: Int64
    public let hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    public static let empty = LogHead(seq: 0, hash: EventSchema.genesisHash)

    public var description: String { "\(seq):\(hash)" }

    /// Reads a head as `carnot head` prints it: `SEQ:HASH`, a position and 64 lower-case hex digits.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let seq = Int64(parts[0]), seq >= 0, EventSchema.isHexDigest(parts[1]) else { return nil }
        self.init(seq: seq, hash: parts[1])
    }
}
