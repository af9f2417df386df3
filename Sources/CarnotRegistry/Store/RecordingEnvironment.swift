import Foundation

/// Where the store gets record time and new event ids: the only clock and randomness in the registry,
/// used at append and never by projections. Tests pass a fixed one.
public protocol RecordingEnvironment: Sendable {
    func now() -> Timestamp
    func newEventID() -> String
}

/// The system clock and time-ordered UUIDs.
public struct SystemEnvironment: RecordingEnvironment {
    public init() {}

    public func now() -> Timestamp {
        Timestamp(microseconds: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded(.down)))
    }

    /// A time-ordered (version 7, RFC 9562) UUID in lower case: the Unix time in milliseconds, then 74
    /// random bits.
    ///
    /// The ids of a decision's events then share their first digits and sort after every id written
    /// before, so each insert into the log's unique index of ids lands on its last pages. Random (version 4)
    /// ids landed each on a page of its own: 4,100 of the 16,000 pages the 4,000-event back-dated decision
    /// of `carnot-bench` wrote at 1M, each read from the file first and written to the WAL and then the file.
    ///
    /// Written from two draws of the system generator rather than through `UUID`: each event appended
    /// takes one, and Foundation's generator and string cost several times more than the append's hash.
    public func newEventID() -> String {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, (Date().timeIntervalSince1970 * 1_000).rounded(.down)))
        return Self.uuidText(milliseconds: milliseconds, high: generator.next(), low: generator.next())
    }

    /// The version 7 UUID text of the low 48 bits of `milliseconds` and random bits taken from `high` (12)
    /// and `low` (62), with the version (7) and variant (10) bits set as RFC 9562 asks.
    static func uuidText(milliseconds: UInt64, high: UInt64, low: UInt64) -> String {
        let high = (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | (high & 0xFFF)
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
