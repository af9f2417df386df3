/// A calendar day (proleptic Gregorian, no time zone): the unit of valid time.
///
/// Stored as the number of days since 1970-01-01 so that comparing and sorting days is comparing integers.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int32

    /// The range of years the registry accepts. The label dates from 2006 and the oldest institutions in
    /// its history from the 1990s; anything outside this range is a typing error, not history.
    public static let acceptedYears: ClosedRange<Int> = 1900...2999

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// The day `year-month-day`, or nil when no such day exists (2019-02-30, month 13, ...).
    public init?(year: Int, month: Int, day: Int) {
        guard Self.acceptedYears.contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.ordinal = Int32(era * 146_097 + doe - 719_468)
    }

    /// The year, month and day of this day.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { components.year }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// This day written to `precision`: `2006`, `2013-06` or `2011-04-28`.
    public func formatted(_ precision: DatePrecision) -> String {
        let (year, month, _) = components
        switch precision {
        case .year: return Self.pad(year, 4)
        case .month: return "\(Self.pad(year, 4))-\(Self.pad(month, 2))"
        case .day: return description
        }
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(ordinal: ordinal + Int32(count)) }

    /// The same day of the month `count` years later, clamped to the month's last day (29 Feb -> 28 Feb).
    public func adding(years count: Int) -> Day? {
        let (year, month, day) = components
        let target = year + count
        return Day(year: target, month: month, day: min(day, Self.daysIn(month: month, year: target)))
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// A bound after every day a fact can have, for open-ended ranges (never printed: no calendar date).
    static let latest = Day(ordinal: .max)

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        guard number >= 0 else {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        // Written in place: every date and record time a listing prints comes through here, several times.
        var count = 1, rest = number / 10
        while rest > 0 { count += 1; rest /= 10 }
        let length = max(width, count)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var value = number
            for index in stride(from: length - 1, through: 0, by: -1) {
                buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            return length
        }
    }
}
