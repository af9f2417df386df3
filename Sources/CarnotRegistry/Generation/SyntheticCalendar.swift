/// The timeline of a synthetic log: its waves, and the effective day of each log position.
///
/// Forward events are spread evenly from `first` to `last` in log order, so a longer log is a denser one.
enum SyntheticCalendar {
    static let first = day(2006, 1, 1)
    static let last = day(2026, 6, 30)

    static let waves: [SyntheticWave] = [
        wave(2006, "Carnot 1", opened: day(2006, 1, 1), closes: day(2006, 2, 15), results: day(2006, 4, 10),
             termEnd: day(2011, 4, 28), renews: false),
        wave(2007, "Carnot 1, second round", opened: day(2006, 10, 2), closes: day(2006, 12, 15),
             results: day(2007, 3, 15), termEnd: day(2011, 4, 28), renews: false),
        wave(2011, "Carnot 2", opened: day(2010, 9, 1), closes: day(2010, 12, 15), results: day(2011, 4, 28),
             termEnd: day(2016, 7, 6), renews: true),
        wave(2016, "Carnot 3", opened: day(2015, 9, 1), closes: day(2015, 12, 15), results: day(2016, 7, 6),
             termEnd: day(2020, 2, 7), renews: true, tremplin: true),
        wave(2020, "Carnot 4", opened: day(2019, 3, 1), closes: day(2019, 6, 28), results: day(2020, 2, 7),
             termEnd: day(2024, 12, 31), renews: true, tremplin: true),
        wave(2026, "Carnot 5", opened: day(2025, 3, 3), closes: day(2025, 6, 30), results: day(2026, 1, 20),
             termEnd: day(2030, 12, 31), renews: true, tremplin: true),
    ]

    /// The terms of the 2020 wave were extended to the 2026 results: the round is decided on this day.
    static let extensionRound = day(2024, 9, 2)
    static let extendedWave = 4

    /// The forward effective day of position `seq` in a log of `total` events.
    static func day(at seq: Int64, of total: Int) -> Day {
        guard total > 1 else { return first }
        let span = Int64(last.ordinal - first.ordinal)
        return first.adding(days: Int((seq - 1) * span / Int64(total - 1)))
    }

    /// How far `day` is through the timeline, from 0 to 1.
    static func progress(_ day: Day) -> Double {
        let done = Double(day.ordinal - first.ordinal) / Double(last.ordinal - first.ordinal)
        return min(1, max(0, done))
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Day {
        guard let result = Day(year: year, month: month, day: day) else {
            preconditionFailure("\(year)-\(month)-\(day) is not a day")
        }
        return result
    }

    private static func wave(_ year: Int, _ name: String, opened: Day, closes: Day, results: Day, termEnd: Day,
                             renews: Bool, tremplin: Bool = false) -> SyntheticWave {
        SyntheticWave(call: SyntheticNames.id("call-\(year)"), name: "\(name) (\(year))",
                      tremplinCall: tremplin ? SyntheticNames.id("tremplin-\(year)") : nil,
                      tremplinName: tremplin ? "Tremplin Carnot \(year)" : nil,
                      opened: opened, closes: closes, results: results, termEnd: termEnd, renews: renews)
    }
}
