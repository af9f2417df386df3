/// Appends the primitive values of the checkpoint format to a byte array.
///
/// Unsigned integers are LEB128 varints (7 bits per byte, low group first, high bit set on every byte but
/// the last); signed integers are zigzag-mapped first so that small negative numbers stay short. Strings
/// are their UTF-8 byte count as a varint, then the bytes.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func write(byte: UInt8) { bytes.append(byte) }

    mutating func write(varint value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    mutating func write(count: Int) { write(varint: UInt64(count)) }

    /// Zigzag: 0, -1, 1, -2, ... map to 0, 1, 2, 3, ...
    mutating func write(signed value: Int64) {
        write(varint: UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func write(string: String) {
        var string = string
        string.makeContiguousUTF8()
        write(count: string.utf8.count)
        bytes.append(contentsOf: string.utf8)
    }

    /// Nil as 0, a string as its length plus one, then its bytes: optionals cost no extra byte.
    mutating func write(optionalString string: String?) {
        guard var string else { return write(byte: 0) }
        string.makeContiguousUTF8()
        write(varint: UInt64(string.utf8.count) + 1)
        bytes.append(contentsOf: string.utf8)
    }

    mutating func write(strings: [String]) {
        write(count: strings.count)
        for string in strings { write(string: string) }
    }
}
