/// A UTC instant to the microsecond: the unit of record time.
///
/// Written `YYYY-MM-DDTHH:MM:SS.ffffffZ`, a fixed width, so that the text sorts as the instant does.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public let microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }

    /// The first instant of `day`.
    public init(startOf day: Day) { self.microseconds = Int64(day.ordinal) * 86_400_000_000 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }

    public var day: Day {
        Day(ordinal: Int32((microseconds >= 0 ? microseconds : microseconds - 86_399_999_999) / 86_400_000_000))
    }

    public var description: String {
        guard let fields = fixedFields else {
            let day = self.day
            let inDay = microseconds - Int64(day.ordinal) * 86_400_000_000
            let seconds = Int(inDay / 1_000_000)
            let fraction = Int(inDay % 1_000_000)
            return "\(day)T\(Day.pad(seconds / 3600, 2)):\(Day.pad(seconds / 60 % 60, 2)):"
                + "\(Day.pad(seconds % 60, 2)).\(Day.pad(fraction, 6))Z"
        }
        // Written in place, in one allocation: a listing prints a record time on each of its rows.
        return String(unsafeUninitializedCapacity: Self.fixedWidth) { text in
            Self.write(fields, into: text.baseAddress!)
            return Self.fixedWidth
        }
    }

    /// The length of `description` for the years 0 to 9999.
    static let fixedWidth = 27

    /// The fields `description` writes, or nil outside the years 0 to 9999 (written another way).
    var fixedFields: (year: Int, month: Int, day: Int, seconds: Int, fraction: Int)? {
        let day = self.day
        let inDay = microseconds - Int64(day.ordinal) * 86_400_000_000
        let (year, month, dayOfMonth) = day.components
        guard (0...9999).contains(year) else { return nil }
        return (year, month, dayOfMonth, Int(inDay / 1_000_000), Int(inDay % 1_000_000))
    }

    /// Writes `fixedWidth` bytes of `description` at `text`.
    static func write(_ fields: (year: Int, month: Int, day: Int, seconds: Int, fraction: Int),
                      into text: UnsafeMutablePointer<UInt8>) {
        var end = 0
        func put(_ number: Int, _ width: Int, then mark: UInt8) {
            var rest = number
            for offset in stride(from: width - 1, through: 0, by: -1) {
                text[end + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            text[end + width] = mark
            end += width + 1
        }
        put(fields.year, 4, then: UInt8(ascii: "-"))
        put(fields.month, 2, then: UInt8(ascii: "-"))
        put(fields.day, 2, then: UInt8(ascii: "T"))
        put(fields.seconds / 3600, 2, then: UInt8(ascii: ":"))
        put(fields.seconds / 60 % 60, 2, then: UInt8(ascii: ":"))
        put(fields.seconds % 60, 2, then: UInt8(ascii: "."))
        put(fields.fraction, 6, then: UInt8(ascii: "Z"))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`, or a day alone, which means the end of that day (UTC), so that
    /// `--known-at 2026-11-21` includes everything recorded on the 21st.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        if bytes.count == 10 {
            guard let date = try? PartialDate(parsing: text), date.precision == .day else { return nil }
            self.microseconds = Int64(date.day.ordinal + 1) * 86_400_000_000 - 1
            return
        }
        // From the bytes, without intermediate strings: every event read back parses its record time here.
        func twoDigits(_ offset: Int) -> Int? {
            let tens = bytes[offset] &- UInt8(ascii: "0"), units = bytes[offset + 1] &- UInt8(ascii: "0")
            return tens < 10 && units < 10 ? Int(tens) * 10 + Int(units) : nil
        }
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = twoDigits(11), (0...23).contains(hour),
              let minute = twoDigits(14), (0...59).contains(minute),
              let second = twoDigits(17), (0...59).contains(second),
              let fields = PartialDate.fields(Array(bytes[0..<10])), let month = fields.month, let dayOfMonth = fields.day,
              let date = Day(year: fields.year, month: month, day: dayOfMonth).map({ PartialDate(day: $0) })
        else { return nil }
        var fraction: Int64 = 0
        if bytes.count > 20 {
            let digits = bytes[20..<(bytes.count - 1)]
            guard bytes[19] == UInt8(ascii: "."), (1...6).contains(digits.count),
                  digits.allSatisfy({ (0x30...0x39).contains($0) }),
                  let value = Int64(String(decoding: digits, as: UTF8.self)) else { return nil }
            fraction = value
            for _ in digits.count..<6 { fraction *= 10 }
        } else if bytes.count != 20 {
            return nil
        }
        self.microseconds = Int64(date.day.ordinal) * 86_400_000_000
            + Int64(hour * 3600 + minute * 60 + second) * 1_000_000 + fraction
    }
}
