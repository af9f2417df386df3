/// One term of a label: the half-open interval [from, until) in which the institute holds it.
public struct LabelTerm: Equatable, Sendable {
    public var kind: LabelKind
    public var call: EntityID
    public var from: Day
    public var until: Day
    public var probation: Bool
    /// True when the term came from a renewal rather than a grant.
    public var renewal: Bool
    /// Set when the label was withdrawn before its term ran out (then `until` is the withdrawal day).
    public var withdrawal: String?

    public init(kind: LabelKind, call: EntityID, from: Day, until: Day, probation: Bool, renewal: Bool = false,
                withdrawal: String? = nil) {
        self.kind = kind
        self.call = call
        self.from = from
        self.until = until
        self.probation = probation
        self.renewal = renewal
        self.withdrawal = withdrawal
    }

    public func contains(_ day: Day) -> Bool { from <= day && day < until }
}
