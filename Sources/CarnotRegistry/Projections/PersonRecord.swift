/// A person who holds or held an office of the association or directs an institute.
public struct PersonRecord: Equatable, Sendable {
    public let id: EntityID
    public var name: String
    /// Other spellings sources use for the same person.
    public var alsoKnownAs: [String]

    public init(id: EntityID, name: String, alsoKnownAs: [String] = []) {
        self.id = id
        self.name = name
        self.alsoKnownAs = alsoKnownAs
    }
}
