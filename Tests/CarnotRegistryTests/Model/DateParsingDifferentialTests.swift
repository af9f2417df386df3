import Testing
@testable import CarnotRegistry

/// `PartialDate(parsing:)` and `Timestamp(parsing:)` read their bytes directly (they run for every event
/// read or written). They must accept and refuse exactly what the string-splitting readers they replaced
/// did, with the same rule named; those readers are kept here as the reference.
@Suite struct DateParsingDifferentialTests {
    static func referenceDate(_ text: String) -> Result<PartialDate, DateFormatError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { return .failure(DateFormatError(text: text, rule: .shape)) }
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard part.count == widths[index], part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                  let number = Int(part) else { return .failure(DateFormatError(text: text, rule: .shape)) }
            numbers.append(number)
        }
        guard Day.acceptedYears.contains(numbers[0]) else { return .failure(DateFormatError(text: text, rule: .yearRange)) }
        guard let day = Day(year: numbers[0], month: numbers.count > 1 ? numbers[1] : 1,
                            day: numbers.count > 2 ? numbers[2] : 1) else {
            return .failure(DateFormatError(text: text, rule: .noSuchDay))
        }
        return .success(PartialDate(day: day, precision: [DatePrecision.year, .month, .day][numbers.count - 1]))
    }

    static func referenceTimestamp(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        if bytes.count == 10 {
            guard case .success(let date) = referenceDate(text), date.precision == .day else { return nil }
            return Timestamp(microseconds: Int64(date.day.ordinal + 1) * 86_400_000_000 - 1)
        }
        let digitPositions = [11, 12, 14, 15, 17, 18]
        guard bytes.count >= 20, digitPositions.allSatisfy({ (0x30...0x39).contains(bytes[$0]) }),
              bytes.last == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              case .success(let date) = referenceDate(String(text.prefix(10))), date.precision == .day,
              let hour = Int(String(decoding: bytes[11..<13], as: UTF8.self)), (0...23).contains(hour),
              let minute = Int(String(decoding: bytes[14..<16], as: UTF8.self)), (0...59).contains(minute),
              let second = Int(String(decoding: bytes[17..<19], as: UTF8.self)), (0...59).contains(second)
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
        return Timestamp(microseconds: Int64(date.day.ordinal) * 86_400_000_000
                         + Int64(hour * 3600 + minute * 60 + second) * 1_000_000 + fraction)
    }

    static func parsed(_ text: String) -> Result<PartialDate, DateFormatError> {
        Result { () throws(DateFormatError) in try PartialDate(parsing: text) }
    }

    /// Seeded texts around the accepted shapes: valid dates and times with one byte changed, dropped or
    /// added, from an alphabet of digits, separators, letters, multi-byte and combining characters.
    static func texts(count: Int, seed: UInt64) -> [String] {
        var random = SeededGenerator(seed: seed)
        let alphabet: [String] = ["0", "1", "2", "9", "-", ":", ".", "T", "Z", " ", "a", "é", "\u{301}", "２", "", "00", "-0"]
        let bases = ["2006", "2013-06", "2011-04-28", "2024-02-29", "2023-02-29", "1899-12-31", "3000-01-01",
                     "2026-11-30T02:33:56Z", "2026-11-30T23:59:59.999999Z", "2026-11-30T24:00:00.1Z", "2026-11-30T12:60:00.123456Z"]
        var result = bases
        for _ in 0..<count {
            var characters = Array(bases.randomElement(using: &random)!)
            let position = Int.random(in: 0...characters.count, using: &random)
            let insert = alphabet.randomElement(using: &random)!
            switch Int.random(in: 0..<3, using: &random) {
            case 0 where position < characters.count: characters.replaceSubrange(position...position, with: insert)
            case 1 where position < characters.count: characters.remove(at: position)
            default: characters.insert(contentsOf: insert, at: position)
            }
            result.append(String(characters))
        }
        return result
    }

    @Test func datesAreReadAsTheSplittingReaderReadThem() {
        for text in Self.texts(count: 20_000, seed: 7) {
            #expect(Self.parsed(text) == Self.referenceDate(text), "\(text)")
            let prefix = String(text.prefix(10))
            #expect(Self.parsed(prefix) == Self.referenceDate(prefix), "\(prefix)")
        }
    }

    @Test func timestampsAreReadAsTheSplittingReaderReadThem() {
        for text in Self.texts(count: 20_000, seed: 11) {
            #expect(Timestamp(parsing: text) == Self.referenceTimestamp(text), "\(text)")
        }
    }
}
