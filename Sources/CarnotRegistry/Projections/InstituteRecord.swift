/// An institute as the fold knows it: its name, home institutions, director and label terms.
public struct InstituteRecord: Equatable, Sendable {
    public let id: EntityID
    public var name: String
    public var homeInstitutions: [String]
    public var registered: Day
    public var director: EntityID?
    /// Every term granted or renewed, in the order the fold applied them; the last one held on a day wins.
    public var terms: [LabelTerm] = []
    /// The calls in which the institute was not renewed.
    public var notRenewedIn: [EntityID] = []

    public init(id: EntityID, name: String, homeInstitutions: [String], registered: Day) {
        self.id = id
        self.name = name
        self.homeInstitutions = homeInstitutions
        self.registered = registered
    }

    /// The label held on `day`: the latest term whose half-open interval [from, until) contains it.
    public func label(on day: Day) -> LabelTerm? {
        terms.last { $0.contains(day) }
    }

    /// True when the institute has ever been granted a label (in the events folded so far).
    public var hasBeenLabelled: Bool { !terms.isEmpty }
}
