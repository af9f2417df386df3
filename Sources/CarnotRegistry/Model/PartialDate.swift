/// A date as a person writes it, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the day it stands for and its precision.
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    public let day: Day
    public let precision: DatePrecision

    public init(day: Day, precision: DatePrecision = .day) {
        self.day = day
        self.precision = precision
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    /// - Throws: `DateFormatError` naming the rule broken (shape, or a day that does not exist).
    public init(parsing text: String) throws(DateFormatError) {
        // Read from the bytes: every event read or written parses its dates here. The shapes are
        // exactly `DDDD`, `DDDD-DD` and `DDDD-DD-DD` in ASCII digits; anything else is refused.
        let bytes = Array(text.utf8)
        guard let numbers = Self.fields(bytes) else { throw DateFormatError(text: text, rule: .shape) }
        guard Day.acceptedYears.contains(numbers.year) else { throw DateFormatError(text: text, rule: .yearRange) }
        guard let day = Day(year: numbers.year, month: numbers.month ?? 1, day: numbers.day ?? 1) else {
            throw DateFormatError(text: text, rule: .noSuchDay)
        }
        self.day = day
        self.precision = numbers.day != nil ? .day : numbers.month != nil ? .month : .year
    }

    /// The numbers of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` written in ASCII digits, or nil for another shape.
    static func fields(_ bytes: [UInt8]) -> (year: Int, month: Int?, day: Int?)? {
        func number(_ start: Int, _ width: Int) -> Int? {
            var value = 0
            for index in start..<(start + width) {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard [4, 7, 10].contains(bytes.count), let year = number(0, 4) else { return nil }
        guard bytes.count > 4 else { return (year, nil, nil) }
        guard bytes[4] == UInt8(ascii: "-"), let month = number(5, 2) else { return nil }
        guard bytes.count > 7 else { return (year, month, nil) }
        guard bytes[7] == UInt8(ascii: "-"), let day = number(8, 2) else { return nil }
        return (year, month, day)
    }

    /// The date written to its precision.
    public var description: String { day.formatted(precision) }
}

/// Why a date text was refused.
public struct DateFormatError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Rule: Sendable {
        case shape
        case yearRange
        case noSuchDay
    }

    public let text: String
    public let rule: Rule

    public var description: String {
        switch rule {
        case .shape: "'\(text)' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2011-04-28)"
        case .yearRange:
            "'\(text)' is outside the accepted years \(Day.acceptedYears.lowerBound)-\(Day.acceptedYears.upperBound)"
        case .noSuchDay: "'\(text)' is not a day of the calendar: \(Self.whyNoSuchDay(text))"
        }
    }

    /// Why a well-shaped date names no day: "February 2020 has 29 days", "there is no month 13".
    private static func whyNoSuchDay(_ text: String) -> String {
        let numbers = text.split(separator: "-").compactMap { Int($0) }
        guard numbers.count >= 2 else { return "write YYYY, YYYY-MM or YYYY-MM-DD" }
        guard (1...12).contains(numbers[1]) else { return "there is no month \(numbers[1]) (months are 01 to 12)" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        let days = Day.daysIn(month: numbers[1], year: numbers[0])
        return "\(months[numbers[1] - 1]) \(numbers[0]) has \(days) days"
    }
}

extension PartialDate {
    /// The day, when the date is written in full; term bounds and closing days are days, not months or years.
    /// - Throws: `EventFormatError` naming `field` when the date is known only to the month or the year.
    public func fullDay(field: String) throws(EventFormatError) -> Day {
        guard precision == .day else {
            throw EventFormatError(field: field, value: description,
                                   rule: "must be a full day YYYY-MM-DD (a term bound or closing day is a day; give the day the source names)")
        }
        return day
    }
}
