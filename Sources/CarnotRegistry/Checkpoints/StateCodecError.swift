/// Why a checkpoint could not be decoded: the bytes are not a checkpoint of this format, or were cut or
/// corrupted. Every case carries the byte offset where decoding stopped.
///
/// A checkpoint is a cache: on any of these errors the caller should discard it and fold the state from the
/// log instead (and, once the log is known good, write a fresh checkpoint).
public enum StateCodecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first byte is not `StateCodec.magic`: the blob is not a state checkpoint.
    case notACheckpoint(found: UInt8)
    /// The checkpoint was written in another format version.
    case unsupportedVersion(found: UInt8, expected: UInt8)
    /// The bytes end in the middle of a value.
    case truncated(offset: Int)
    /// A varint is longer than 10 bytes or does not fit the integer it encodes.
    case integerOutOfRange(field: String, offset: Int)
    /// A length or count announces more bytes or elements than the input has left.
    case lengthExceedsInput(length: UInt64, remaining: Int, offset: Int)
    /// A string is not well-formed UTF-8.
    case invalidUTF8(offset: Int)
    /// An identifier breaks `EntityID.rule`.
    case invalidEntityID(offset: Int)
    /// An identifier reference points past the identifier table.
    case unknownReference(index: UInt64, tableSize: Int, offset: Int)
    /// An enumeration or flag byte holds a value this format does not define.
    case unknownCode(field: String, value: UInt64, offset: Int)
    /// The same key appears twice in one dictionary.
    case duplicateKey(field: String, id: EntityID)
    /// The office holdings are not grouped by office in `Office.allCases` order.
    case officesOutOfOrder(offset: Int)
    /// Bytes remain after the last section.
    case trailingBytes(count: Int, offset: Int)

    public var description: String {
        let advice = "discard the checkpoint and fold the state from the log"
        switch self {
        case .notACheckpoint(let found):
            return "not a state checkpoint: first byte is 0x\(String(found, radix: 16)), expected 0x"
                + "\(String(StateCodec.magic, radix: 16)); \(advice)"
        case .unsupportedVersion(let found, let expected):
            return "checkpoint format version \(found) is not the supported version \(expected); \(advice)"
        case .truncated(let offset):
            return "checkpoint truncated at byte \(offset): a value runs past the end; \(advice)"
        case .integerOutOfRange(let field, let offset):
            return "checkpoint \(field) at byte \(offset) is out of range for its type; \(advice)"
        case .lengthExceedsInput(let length, let remaining, let offset):
            return "checkpoint length or count \(length) at byte \(offset) exceeds the \(remaining) bytes left; \(advice)"
        case .invalidUTF8(let offset):
            return "checkpoint string at byte \(offset) is not well-formed UTF-8; \(advice)"
        case .invalidEntityID(let offset):
            return "checkpoint identifier at byte \(offset) breaks the rule (\(EntityID.rule)); \(advice)"
        case .unknownReference(let index, let tableSize, let offset):
            return "checkpoint identifier reference \(index) at byte \(offset) is outside the table of "
                + "\(tableSize) identifiers; \(advice)"
        case .unknownCode(let field, let value, let offset):
            return "checkpoint \(field) at byte \(offset) has undefined code \(value); \(advice)"
        case .duplicateKey(let field, let id):
            return "checkpoint \(field) holds '\(id)' twice; \(advice)"
        case .officesOutOfOrder(let offset):
            return "checkpoint office holdings from byte \(offset) are not grouped by office; \(advice)"
        case .trailingBytes(let count, let offset):
            return "checkpoint has \(count) unexpected bytes after the end of the state at byte \(offset); \(advice)"
        }
    }
}
