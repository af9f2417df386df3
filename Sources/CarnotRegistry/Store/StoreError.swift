/// Why the store refused an operation. Each case maps to one exit code of the command line.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// The decision breaks a rule of the registry (exit 64).
    case invalid(ValidationError)
    /// A query's arguments cannot be answered: a cut-off past the head or in the future (exit 64).
    case badQuery(ValidationError)
    /// The decision or log line is not well-formed (exit 64).
    case malformed(EventFormatError)
    /// The log moved since the head the writer expected (exit 65).
    case conflict(expected: Int64, actual: Int64)
    /// The idempotency key was used before for a different decision (exit 65).
    case idempotencyMismatch(key: String, firstSeq: Int64, lastSeq: Int64)
    /// The stored or imported log does not verify (exit 66).
    case integrity(String)
    /// The store was opened read-only and asked to write (exit 64).
    case readOnly
    /// An import stopped at a bad line (exit 64 when malformed or invalid, 66 when altered).
    case badLine(LogLineError)
    /// SQLite failed (exit 1).
    case database(SQLiteError)
    /// A command that only reads was given a path where no store exists (exit 66); reads never create one.
    case missing(String)
    /// The file cannot be used for a reason outside the registry (permissions, a folder, a full disk; exit 1).
    case unusableFile(String)

    public var description: String {
        switch self {
        case .invalid(let error): "invalid decision: \(error)"
        case .malformed(let error): "malformed input: \(error)"
        case .badQuery(let error): "invalid query: \(error)"
        case .conflict(let expected, let actual):
            "conflict: expected the log head at \(expected) but it is at \(actual); read the new events (`carnot log --since \(expected)`), then retry with --expect-head \(actual)"
        case .idempotencyMismatch(let key, let first, let last):
            "idempotency key '\(key)' was already used for a different decision (positions \(first)...\(last)); use a new key"
        case .integrity(let message): "integrity failure: \(message)"
        case .badLine(let error): "import aborted, nothing was written: \(error)"
        case .readOnly: "the store is open to read only (--read-only, or a command that only reads); writing is refused"
        case .missing(let path):
            "no store at \(path): reading commands never create one. Check the path, or create a store by importing a log (`carnot import Events/ --db \(path)`) or by recording a decision"
        case .unusableFile(let message): message
        case .database(let error): "database error: \(error)"
        }
    }
}
