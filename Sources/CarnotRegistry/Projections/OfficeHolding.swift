/// A person holding an office of the association since a day, possibly representing an institute.
public struct OfficeHolding: Equatable, Sendable {
    public var office: Office
    public var person: EntityID
    public var representing: EntityID?
    public var since: Day
    public var sincePrecision: DatePrecision

    public init(office: Office, person: EntityID, representing: EntityID?, since: Day, sincePrecision: DatePrecision) {
        self.office = office
        self.person = person
        self.representing = representing
        self.since = since
        self.sincePrecision = sincePrecision
    }
}
