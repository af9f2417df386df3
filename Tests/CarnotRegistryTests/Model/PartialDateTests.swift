import Testing
@testable import CarnotRegistry

/// Dates are written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; each stands for its first day and keeps its precision.
struct PartialDateTests {
    @Test(arguments: [
        ("2006", DatePrecision.year, "2006-01-01"),
        ("2013-06", .month, "2013-06-01"),
        ("2011-04-28", .day, "2011-04-28"),
        ("2024-02-29", .day, "2024-02-29"),
        ("2000-02-29", .day, "2000-02-29"),
    ])
    func aWrittenDateGivesItsFirstDayAndPrecisionAndIsWrittenBackAsIs(_ text: String, _ precision: DatePrecision,
                                                                     _ first: String) throws {
        let date = try PartialDate(parsing: text)

        #expect(date.precision == precision)
        #expect(date.day.description == first)
        #expect(date.description == text)
    }

    @Test(arguments: [
        ("2019-02-30", DateFormatError.Rule.noSuchDay),
        ("1900-02-29", .noSuchDay),
        ("2011-13", .noSuchDay),
        ("2011-00-10", .noSuchDay),
        ("0000-01-01", .yearRange),
        ("1899-12-31", .yearRange),
        ("2011-4-28", .shape),
        ("11-04-28", .shape),
        ("2011-04-28-01", .shape),
        ("2011/04/28", .shape),
        ("2011-04-2x", .shape),
        (" 2011", .shape),
        ("", .shape),
    ])
    func aTextThatIsNotADateIsRefusedNamingTheRule(_ text: String, _ rule: DateFormatError.Rule) {
        let error = #expect(throws: DateFormatError.self) { try PartialDate(parsing: text) }

        #expect(error == DateFormatError(text: text, rule: rule))
    }

    @Test func daysCountAcrossMonthsYearsAndLeapDays() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(day("2011-12-31").adding(days: 1) == day("2012-01-01"))
        #expect(day("1970-01-01").ordinal == 0)
        #expect(day("2024-02-29").adding(years: 1) == day("2025-02-28"))
    }
}

@Suite struct DateFormatErrorTests {
    @Test(arguments: [("2020-02-30", "February 2020 has 29 days"), ("2019-02-29", "February 2019 has 28 days"),
                      ("2011-13", "there is no month 13 (months are 01 to 12)"), ("2011-04-31", "April 2011 has 30 days")])
    func aDayThatDoesNotExistSaysWhy(text: String, reason: String) throws {
        #expect(throws: DateFormatError.self) { try PartialDate(parsing: text) }
        do { _ = try PartialDate(parsing: text) } catch {
            #expect(error.description == "'\(text)' is not a day of the calendar: \(reason)")
        }
    }
}
