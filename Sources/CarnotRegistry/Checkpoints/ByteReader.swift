/// Reads the primitive values `ByteWriter` writes, checking every length against the bytes left so that
/// truncated or corrupted input throws instead of trapping or allocating.
///
/// The reader borrows `buffer`: it must not outlive the `withUnsafeBytes` call that produced it.
struct ByteReader {
    private let buffer: UnsafeRawBufferPointer
    /// The position of the next byte to read.
    private(set) var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var remaining: Int { buffer.count - offset }

    var isAtEnd: Bool { offset == buffer.count }

    mutating func readByte() throws(StateCodecError) -> UInt8 {
        guard offset < buffer.count else { throw .truncated(offset: offset) }
        defer { offset += 1 }
        return buffer[offset]
    }

    /// A LEB128 varint of at most 10 bytes whose value fits 64 bits.
    @inline(__always)
    mutating func readVarint(_ field: String = "integer") throws(StateCodecError) -> UInt64 {
        // Counts, references, lengths and codes mostly take one byte, days three: both inline.
        if buffer.count - offset >= 3 {
            let first = UInt64(buffer[offset])
            if first < 0x80 {
                offset += 1
                return first
            }
            let second = UInt64(buffer[offset + 1])
            if second < 0x80 {
                offset += 2
                return first & 0x7F | second << 7
            }
            let third = UInt64(buffer[offset + 2])
            if third < 0x80 {
                offset += 3
                return first & 0x7F | (second & 0x7F) << 7 | third << 14
            }
        }
        return try readLongVarint(field)
    }

    private mutating func readLongVarint(_ field: String) throws(StateCodecError) -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < buffer.count else { throw .truncated(offset: offset) }
            let byte = buffer[offset]
            offset += 1
            // The 10th byte holds bit 63 only: anything more overflows 64 bits.
            if shift == 63, byte > 1 { throw .integerOutOfRange(field: field, offset: start) }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func readSigned(_ field: String = "integer") throws(StateCodecError) -> Int64 {
        let raw = try readVarint(field)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func readInt32(_ field: String) throws(StateCodecError) -> Int32 {
        let start = offset
        guard let value = Int32(exactly: try readSigned(field)) else {
            throw .integerOutOfRange(field: field, offset: start)
        }
        return value
    }

    mutating func readInt(_ field: String) throws(StateCodecError) -> Int {
        let start = offset
        guard let value = Int(exactly: try readSigned(field)) else {
            throw .integerOutOfRange(field: field, offset: start)
        }
        return value
    }

    /// A count of elements that each take at least one byte, so it cannot exceed the bytes left: a corrupt
    /// count is refused before anything reserves capacity for it.
    mutating func readCount() throws(StateCodecError) -> Int {
        let start = offset
        let count = try readVarint("count")
        guard count <= UInt64(remaining) else {
            throw .lengthExceedsInput(length: count, remaining: remaining, offset: start)
        }
        return Int(count)
    }

    mutating func readString() throws(StateCodecError) -> String {
        try readString(length: try readCount())
    }

    /// The `optionalString` encoding: 0 for nil, else the length plus one.
    mutating func readOptionalString() throws(StateCodecError) -> String? {
        let start = offset
        let tag = try readVarint("string length")
        guard tag != 0 else { return nil }
        guard tag - 1 <= UInt64(remaining) else {
            throw .lengthExceedsInput(length: tag - 1, remaining: remaining, offset: start)
        }
        return try readString(length: Int(tag - 1))
    }

    mutating func readStrings() throws(StateCodecError) -> [String] {
        let count = try readCount()
        guard count > 0 else { return [] }
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try readString()) }
        return strings
    }

    /// `length` bytes (already checked against `remaining`) as a string, refusing ill-formed UTF-8 rather
    /// than repairing it, since a repaired string would decode to a state that was never encoded.
    ///
    /// `String(decoding:as:)` validates as it copies and replaces each ill-formed sequence with U+FFFD
    /// (EF BF BD), which never reproduces the bytes it replaced, so the input was well formed exactly when
    /// the string's bytes equal it. Comparing is one cheap pass; a separate validator measured slower, and
    /// `String(validating:as:)` needs macOS 15 (the package supports 13) and looks up generic metadata on
    /// every call.
    private mutating func readString(length: Int) throws(StateCodecError) -> String {
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + length)])
        var string = String(decoding: bytes, as: UTF8.self)
        guard string.withUTF8({ Self.equal(UnsafeRawBufferPointer($0), bytes) }) else {
            throw .invalidUTF8(offset: offset)
        }
        offset += length
        return string
    }

    /// Byte-wise equality, eight bytes at a time.
    private static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var index = 0
        while rhs.count - index >= 8 {
            guard lhs.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                == rhs.loadUnaligned(fromByteOffset: index, as: UInt64.self) else { return false }
            index += 8
        }
        while index < rhs.count {
            guard lhs[index] == rhs[index] else { return false }
            index += 1
        }
        return true
    }

    /// A length-prefixed identifier, its bytes checked against `EntityID.rule` where they lie, so that
    /// hostile input cannot produce an identifier `EntityID.init?(_:)` would refuse.
    mutating func readEntityID() throws(StateCodecError) -> EntityID {
        let start = offset
        let length = try readCount()
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + length)])
        guard EntityID.isValid(utf8: bytes) else { throw .invalidEntityID(offset: start) }
        offset += length
        return EntityID(validated: String(decoding: bytes, as: UTF8.self))
    }
}
