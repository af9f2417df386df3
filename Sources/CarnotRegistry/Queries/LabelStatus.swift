/// What the registry can say about an institute's label on a day: it holds one, its last recorded term is
/// over, or nothing recorded covers that day.
///
/// The registry names only part of the institutes of each wave, and of a named institute often only some
/// terms, so "no term on this day" must not read as "not labelled": it is "not known" unless a recorded term
/// ended (ran out, was withdrawn, or was not renewed) on or before that day.
public enum LabelStatus: Equatable, Sendable {
    case held(LabelTerm)
    /// The latest term that ended on or before the day (`until` is its end, the withdrawal day if withdrawn).
    case ended(LabelTerm)
    case notKnown

    /// The status of `institute` on `day`, from the terms folded into it.
    public init(_ institute: InstituteRecord, on day: Day) {
        if let term = institute.label(on: day) {
            self = .held(term)
        } else if let last = institute.terms.filter({ $0.until <= day }).max(by: { $0.until < $1.until }) {
            self = .ended(last)
        } else {
            self = .notKnown
        }
    }

    /// The words every output uses: "held", "ended", "not known".
    public var words: String {
        switch self {
        case .held: "held"
        case .ended: "ended"
        case .notKnown: "not known"
        }
    }

    /// The JSON value of `labelStatus`: "held", "ended" or "not-known".
    public var code: String {
        switch self {
        case .held: "held"
        case .ended: "ended"
        case .notKnown: "not-known"
        }
    }

    /// A short phrase for tables: "held: carnot (probation)", "ended 2011-04-28 (withdrawn: …)", "not known".
    public var phrase: String {
        switch self {
        case .held(let term): "held: " + term.kind.rawValue + (term.probation ? " (probation)" : "")
        case .ended(let term): "ended \(term.until)" + (term.withdrawal.map { " (withdrawn: \($0))" } ?? "")
        case .notKnown: "not known"
        }
    }
}
