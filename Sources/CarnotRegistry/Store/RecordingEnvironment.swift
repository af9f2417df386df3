import Foundation

/// Where the store gets record time and new event ids: the only clock and randomness in the registry,
/// used at append and never by projections. Tests pass a fixed one.
public protocol RecordingEnvironment: Sendable {
    func now() -> Timestamp
    func newEventID() -> String
}

/// The system clock and random UUIDs.
public struct SystemEnvironment: RecordingEnvironment {
    public init() {}

    public func now() -> Timestamp {
        Timestamp(microseconds: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded(.down)))
    }

    /// A random (version 4) UUID in lower case, as `UUID().uuidString.lowercased()` writes it.
    ///
    /// Written from two draws of the system generator rather than through `UUID`: each event appended
    /// takes one, and Foundation's generator and string cost several times more than the append's hash.
    public func newEventID() -> String {
        var generator = SystemRandomNumberGenerator()
        return Self.uuidText(high: generator.next(), low: generator.next())
    }

    /// The UUID text of 128 bits, with the version (4) and variant (10) bits set as RFC 9562 asks.
    static func uuidText(high: UInt64, low: UInt64) -> String {
        let high = (high & ~0xF000) | 0x4000
        let low = (low & ~(0xC000 << 48)) | (0x8000 << 48)
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (word, offsets) in [(high, [8, 12]), (low, [0, 4])] {
            for nibble in 0..<16 {
                if offsets.contains(nibble) { text.append(UInt8(ascii: "-")) }
                text.append(hex[Int((word >> UInt64(60 - 4 * nibble)) & 0xF)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
