/// A person who holds or held an office of the association or directs an institute.
public struct PersonRecord: Equatable, Sendable {
    public let id: EntityID
    public var name: String

    public init(id: EntityID, name: String) {
        self.id = id
        self.name = name
    }
}
