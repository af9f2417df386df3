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
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { throw DateFormatError(text: text, rule: .shape) }
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard part.count == widths[index], part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                  let number = Int(part) else { throw DateFormatError(text: text, rule: .shape) }
            numbers.append(number)
        }
        guard Day.acceptedYears.contains(numbers[0]) else { throw DateFormatError(text: text, rule: .yearRange) }
        let month = numbers.count > 1 ? numbers[1] : 1
        let dayOfMonth = numbers.count > 2 ? numbers[2] : 1
        guard let day = Day(year: numbers[0], month: month, day: dayOfMonth) else {
            throw DateFormatError(text: text, rule: .noSuchDay)
        }
        self.day = day
        self.precision = [DatePrecision.year, .month, .day][numbers.count - 1]
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
