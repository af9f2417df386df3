extension EntityID {
    /// An identifier whose bytes `isValid(utf8:)` has already accepted: the checkpoint decoder's fast path,
    /// which checks the rule on the input bytes in place instead of copying them into an array as
    /// `init?(_:)` does.
    init(validated rawValue: String) {
        self.rawValue = rawValue
    }

    /// The rule of `init?(_:)` (`EntityID.rule`), checked on UTF-8 bytes without copying them.
    ///
    /// The allowed bytes are bits of two 64-bit masks (bytes 0-63 and 64-127), one shift and test per
    /// byte; the tests hold this to agree with `init?(_:)`.
    static func isValid(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
        guard (1...maximumLength).contains(bytes.count), isAllowed(bytes[0], in: firstByteMasks) else { return false }
        for byte in bytes where !isAllowed(byte, in: byteMasks) { return false }
        return true
    }

    /// Digits (0x30-0x39), then lower-case letters (0x61-0x7A).
    private static let firstByteMasks: (low: UInt64, high: UInt64) = (0x03FF_0000_0000_0000, 0x07FF_FFFE_0000_0000)
    /// Also `-` (0x2D), `.` (0x2E) and `_` (0x5F).
    private static let byteMasks: (low: UInt64, high: UInt64) = (0x03FF_6000_0000_0000, 0x07FF_FFFE_8000_0000)

    @inline(__always)
    private static func isAllowed(_ byte: UInt8, in masks: (low: UInt64, high: UInt64)) -> Bool {
        guard byte < 0x80 else { return false }
        let mask = byte < 0x40 ? masks.low : masks.high
        return (mask >> UInt64(byte & 0x3F)) & 1 == 1
    }
}
