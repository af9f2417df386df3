import Testing
@testable import CarnotRegistry

/// Record time is written `YYYY-MM-DDTHH:MM:SS.ffffffZ`; `--known-at` also takes a day, meaning its end.
struct TimestampTests {
    @Test(arguments: ["2026-01-05T00:00:00.000000Z", "2026-11-21T23:59:59.999999Z", "1999-12-31T12:34:56.000789Z"])
    func aTimestampIsWrittenAtFixedWidthAndReadBack(_ text: String) throws {
        let instant = try #require(Timestamp(parsing: text))

        #expect(instant.description == text)
    }

    @Test func numbersArePaddedWithZerosToTheirWidthAndNeverCut() {
        for (number, width) in [(0, 2), (7, 2), (42, 2), (123, 2), (5, 6), (999_999, 6), (2026, 4), (12_345, 4), (-5, 4), (-12_345, 2)] {
            let digits = String(number)
            #expect(Day.pad(number, width) == String(repeating: "0", count: max(0, width - digits.count)) + digits, "\(number) to \(width)")
        }
    }

    @Test func aDayAloneMeansItsLastMicrosecond() throws {
        let endOfDay = try #require(Timestamp(parsing: "2026-11-21"))

        #expect(endOfDay == Timestamp(microseconds: Timestamp(startOf: day("2026-11-22")).microseconds - 1))
        #expect(Timestamp(parsing: "2026-11-21T23:59:59.999999Z") == endOfDay)
    }

    @Test func secondsWithoutAFractionAndShortFractionsAreRead() {
        #expect(Timestamp(parsing: "2026-11-21T10:00:00Z")?.description == "2026-11-21T10:00:00.000000Z")
        #expect(Timestamp(parsing: "2026-11-21T10:00:00.5Z")?.description == "2026-11-21T10:00:00.500000Z")
    }

    @Test(arguments: [
        "2026-11-21T24:00:00Z", "2026-11-21T10:60:00Z", "2026-11-21T10:00:00", "2026-11-21T10:00:00.Z",
        "2026-11-21T10:00:00.1234567Z", "2026-11", "2026-11-21 10:00:00Z", "2026-02-30T10:00:00Z",
        "2026-11-21T+1:00:00Z", "2026-11-21T10:-0:00Z",
    ])
    func aTextThatIsNotAnInstantIsRefused(_ text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }
}
