/// The state of the Carnot network produced by folding events: institutes, schools, people, offices,
/// consortia and calls.
///
/// A value type built only by `apply(_:)`, a pure fold: the same events in the same order always give an
/// equal state. It holds what the events say up to the fold's cut-off; which label is *held* on a given day
/// is asked of `InstituteRecord.label(on:)`, because a term ends at `until` without any event.
public struct RegistryState: Equatable, Sendable {
    public var institutes: [EntityID: InstituteRecord] = [:]
    public var schools: [EntityID: SchoolRecord] = [:]
    public var people: [EntityID: PersonRecord] = [:]
    /// The office holdings, grouped by office in `Office.allCases` order and, within an office, in the order
    /// of appointment. Grouping lets one seat's holdings be folded again alone and put back in place
    /// (`take(_:from:)`), so a back-dated appointment refolds its seat, not the whole state.
    public var offices: [OfficeHolding] = []
    public var consortia: [EntityID: ConsortiumRecord] = [:]
    public var calls: [EntityID: CallRecord] = [:]

    public init() {}

    /// The kind of entity `id` names, if any.
    public func kind(of id: EntityID) -> EntityKind? {
        if institutes[id] != nil { return .institute }
        if schools[id] != nil { return .school }
        if people[id] != nil { return .person }
        if consortia[id] != nil { return .consortium }
        if calls[id] != nil { return .call }
        return nil
    }

    /// The schools affiliated to `institute`, with their roles, sorted by id.
    public func schools(of institute: EntityID) -> [(school: SchoolRecord, role: AffiliationRole)] {
        schools.values.compactMap { school in school.affiliations[institute].map { (school, $0) } }
            .sorted { $0.school.id < $1.school.id }
    }

    /// The consortia `institute` belongs to, sorted by id.
    public func consortia(of institute: EntityID) -> [ConsortiumRecord] {
        consortia.values.filter { $0.members[institute] != nil }.sorted { $0.id < $1.id }
    }

    /// The holders of `office`.
    public func holders(of office: Office) -> [OfficeHolding] { offices.filter { $0.office == office } }
}

/// The kinds of entity the registry names.
public enum EntityKind: String, Sendable {
    case institute
    case school
    case person
    case consortium
    case call
}
