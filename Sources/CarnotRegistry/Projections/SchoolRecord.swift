/// A school or establishment: its name, parent institution and the institutes it supports.
public struct SchoolRecord: Equatable, Sendable {
    public let id: EntityID
    public var name: String
    public var parent: String?
    public var registered: Day
    /// Institute id to the school's role in it.
    public var affiliations: [EntityID: AffiliationRole] = [:]
    /// Set once the school has been merged into another; it then has no affiliations of its own.
    public var mergedInto: EntityID?
    /// The schools this one was formed from, if it was formed by a merger.
    public var mergedFrom: [EntityID] = []

    public init(id: EntityID, name: String, parent: String?, registered: Day) {
        self.id = id
        self.name = name
        self.parent = parent
        self.registered = registered
    }

    /// True while the school exists in its own right (not merged away).
    public var isActive: Bool { mergedInto == nil }
}
