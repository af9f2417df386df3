/// How precisely a date is known: many historical facts are known only to the month or the year.
///
/// A date known to the month is stored as the first day of that month, a date known to the year as the
/// first of January, so the fact takes effect no later than it could have; the precision travels with it so
/// that every output can say "2013-06" rather than pretend to "2013-06-01".
public enum DatePrecision: String, CaseIterable, Sendable, Comparable {
    case year
    case month
    case day

    private var rank: Int {
        switch self {
        case .year: 0
        case .month: 1
        case .day: 2
        }
    }

    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool { lhs.rank < rhs.rank }
}
