extension RegistryState {
    /// Puts in this state the record `key` names in `other` (an entity id's record of any kind, or the
    /// holdings of an office seat `office:NAME`, in `other`'s order, in the seat's place among the offices),
    /// replacing what this state held for it.
    mutating func take(_ key: String, from other: RegistryState) {
        if let id = EntityID(key) {
            institutes[id] = other.institutes[id]
            schools[id] = other.schools[id]
            people[id] = other.people[id]
            consortia[id] = other.consortia[id]
            calls[id] = other.calls[id]
        } else if let office = Office.allCases.first(where: { Event.officeKey($0) == key }) {
            let start = officeGroupStart(office)
            offices.removeSubrange(start..<officeGroupEnd(office))
            offices.insert(contentsOf: other.offices[other.officeGroupStart(office)..<other.officeGroupEnd(office)], at: start)
        }
    }
}
