/// Recomputes the hash chain of a log and names the first position where it breaks.
///
/// A position breaks when it is not the next one, its `prev` is not the previous hash, its hash is not
/// SHA-256 over `prev` and its body, its body does not decode, is not in canonical form or disagrees with
/// the indexed columns (id, type, effective day, record time), or its record time goes back. Any edit to a stored event (a byte of its payload, a date, its order, a row removed
/// from the middle) therefore breaks the chain at or before it.
public struct ChainVerifier {
    /// The first break found.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public let seq: Int64
        public let reason: String
        public var description: String { seq > 0 ? "position \(seq): \(reason)" : reason }
    }

    private var expectedSeq: Int64 = 1
    private var previousHash = EventSchema.genesisHash
    private var previousRecorded = Timestamp(microseconds: .min)
    /// Whether each entry also carries what an import of it needs (`LineProof`): `verify`'s rules replay
    /// imports them; a check of the chain alone does not.
    private let provingLines: Bool

    public init() { provingLines = false }

    init(provingLines: Bool) { self.provingLines = provingLines }

    /// The head verified so far.
    public var head: LogHead { LogHead(seq: expectedSeq - 1, hash: previousHash) }

    /// Checks the next stored row: its position, body bytes and chain fields, and (when the store keeps
    /// them) the indexed columns. Returns the event decoded from the body.
    @discardableResult
    public mutating func check(seq: Int64, body: [UInt8], prev: String, hash: String,
                               columns: (id: String, type: String, effective: Int64, recorded: Int64)? = nil) throws(Failure) -> RecordedEvent {
        let entry = try decodeChained(seq: seq, body: body, prev: prev, hash: hash)
        if let columns { try Self.checkColumns(of: entry.event, columns: columns) }
        try advance(past: entry.event)
        return entry.event
    }

    /// The first part of `check`, apart so that `verify` can time it: the position and `prev`, then the
    /// row read as the published line it stands for (the body with `prev` and `hash` spliced in), by the
    /// import's own reader (`LogFile.entry`: decoded, in canonical form, hashing to `hash`), and the stored
    /// body the canonical one that hash covers, byte for byte.
    ///
    /// One reader for an imported line and a stored row: a faster line reader makes `verify` faster too,
    /// and neither can accept what the other refuses.
    func decodeChained(seq: Int64, body: [UInt8], prev: String, hash: String) throws(Failure) -> LogFile.Entry {
        guard seq == expectedSeq else {
            throw Failure(seq: expectedSeq, reason: seq > expectedSeq
                          ? "missing: the next stored position is \(seq)" : "out of order: found position \(seq)")
        }
        guard prev == previousHash else {
            throw Failure(seq: seq, reason: "prev \(prev.prefix(12))... does not match the hash of position \(seq - 1)")
        }
        let entry: LogFile.Entry
        do {
            entry = try LogFile.entry(PublishedLine.splice(body: body, prev: prev, hash: hash), file: "the store", line: Int(seq),
                                      proving: provingLines)
        } catch {
            switch error.kind {
            case .integrity:
                let computed = EventSchema.hash(prev: prev, body: body)
                throw Failure(seq: seq, reason: "hash mismatch: stored \(hash.prefix(12))..., computed \(computed.prefix(12))...")
            case .malformed, .invalid:
                throw Failure(seq: seq, reason: "body does not decode, or is not in canonical form: \(error.message)")
            }
        }
        // Queries decode the stored body with a faster reader than the chain's: one spelling only.
        guard entry.body == body else {
            throw Failure(seq: seq, reason: "the stored body is not in canonical form")
        }
        guard entry.event.seq == seq else { throw Failure(seq: seq, reason: "body says position \(entry.event.seq)") }
        return entry
    }

    /// The indexed columns agree with the hashed body.
    static func checkColumns(of event: RecordedEvent, columns: (id: String, type: String, effective: Int64, recorded: Int64)) throws(Failure) {
        guard columns.id == event.id, columns.type == event.event.typeName,
              columns.effective == Int64(event.effective.ordinal), columns.recorded == event.recorded.microseconds else {
            throw Failure(seq: event.seq, reason: "indexed columns (id, type, effective, recorded) disagree with the hashed body")
        }
    }

    /// The last part of `check`: record times never go back; the event becomes the verified head.
    mutating func advance(past event: RecordedEvent) throws(Failure) {
        guard event.recorded >= previousRecorded else {
            throw Failure(seq: event.seq, reason: "record time \(event.recorded) is before the previous event's")
        }
        expectedSeq += 1
        previousHash = event.hash
        previousRecorded = event.recorded
    }
}
