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

    @Test func everyInstantIsWrittenAsItsDayAndTimeOfDayPaddedToWidth() {
        // Instants across the accepted years and beyond them (written by the general path), fixed seed.
        var generator = SeededGenerator(seed: 2026)
        let year = Int64(365) * 86_400_000_000
        let edges: [Int64] = [0, -1, 86_400_000_000 - 1, -30 * year, 8_000 * year, 8_100 * year, -2_000 * year]
        let instants = edges + (0..<2_000).map { _ in Int64.random(in: (-1_969 * year)...(8_000 * year), using: &generator) }
        for microseconds in instants {
            let instant = Timestamp(microseconds: microseconds)
            let inDay = microseconds - Int64(instant.day.ordinal) * 86_400_000_000
            let seconds = Int(inDay / 1_000_000)
            let expected = "\(instant.day)T\(Day.pad(seconds / 3600, 2)):\(Day.pad(seconds / 60 % 60, 2)):"
                + "\(Day.pad(seconds % 60, 2)).\(Day.pad(Int(inDay % 1_000_000), 6))Z"
            #expect(instant.description == expected, "\(microseconds)")
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
