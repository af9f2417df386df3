/// A consortium or grouping of institutes (GLOBAL CARE, Carnot Europe, sector groupings).
public struct ConsortiumRecord: Equatable, Sendable {
    public let id: EntityID
    public var name: String
    public var formed: Day
    /// Institute id to its role in the consortium.
    public var members: [EntityID: ConsortiumRole] = [:]

    public init(id: EntityID, name: String, formed: Day) {
        self.id = id
        self.name = name
        self.formed = formed
    }
}
