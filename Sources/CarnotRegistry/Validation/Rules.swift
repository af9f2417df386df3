/// The individual checks `DecisionValidator` composes, each throwing a `ValidationError` that says what
/// is wrong on which day and how to put it right.
struct Rules {
    let state: RegistryState
    let allTime: RegistryState
    let day: Day

    func unused(_ id: EntityID, field: String) throws(ValidationError) {
        if let kind = allTime.kind(of: id) {
            throw ValidationError(field: "payload.\(field)", value: id.rawValue,
                                  rule: "is already the id of a \(kind.rawValue); choose another id")
        }
    }

    func institute(_ id: EntityID, field: String = "institute") throws(ValidationError) -> InstituteRecord {
        guard let institute = state.institutes[id] else {
            throw ValidationError(field: "payload.\(field)", value: id.rawValue, rule: notFound("institute", id))
        }
        return institute
    }

    func activeSchool(_ id: EntityID, field: String) throws(ValidationError) -> SchoolRecord {
        guard let school = state.schools[id] else {
            throw ValidationError(field: "payload.\(field)", value: id.rawValue, rule: notFound("school", id))
        }
        if let into = school.mergedInto {
            throw ValidationError(field: "payload.\(field)", value: id.rawValue,
                                  rule: "was merged into \(into) by \(day); use \(into)")
        }
        return school
    }

    func person(_ id: EntityID, field: String) throws(ValidationError) {
        guard state.people[id] != nil else {
            throw ValidationError(field: "payload.\(field)", value: id.rawValue, rule: notFound("person", id))
        }
    }

    func call(_ id: EntityID) throws(ValidationError) {
        guard state.calls[id] != nil else {
            throw ValidationError(field: "payload.call", value: id.rawValue, rule: notFound("call", id) + " (`carnot open-call`)")
        }
    }

    func consortium(_ id: EntityID) throws(ValidationError) -> ConsortiumRecord {
        guard let consortium = state.consortia[id] else {
            throw ValidationError(field: "payload.consortium", value: id.rawValue, rule: notFound("consortium", id))
        }
        return consortium
    }

    func term(from: Day, until: Day) throws(ValidationError) {
        guard from < until else {
            throw ValidationError(field: "payload.until", value: until.description,
                                  rule: "a term ends after it starts (from \(from)); the term is [from, until)")
        }
    }

    func everLabelled(_ institute: InstituteRecord) throws(ValidationError) {
        guard institute.hasBeenLabelled else {
            throw ValidationError(field: "payload.institute", value: institute.id.rawValue,
                                  rule: "has never been granted a label by \(day); record a grant first")
        }
    }

    func differs(_ name: String, from current: String) throws(ValidationError) {
        guard name != current else {
            throw ValidationError(field: "payload.name", value: name, rule: "is already the name on \(day)")
        }
    }

    func vacant(_ office: Office, for person: EntityID) throws(ValidationError) {
        let holders = state.holders(of: office)
        if holders.contains(where: { $0.person == person }) {
            throw ValidationError(field: "payload.person", value: person.rawValue,
                                  rule: "already holds the office \(office.rawValue) on \(day)")
        }
        if office.isSingleSeat, let holder = holders.first {
            throw ValidationError(field: "payload.office", value: office.rawValue,
                                  rule: "is a single-seat office held by \(holder.person) since \(holder.since); record that they left first")
        }
    }

    func consistent(_ counts: CallCounts) throws(ValidationError) {
        if let renewed = counts.renewed, let new = counts.new, renewed + new != counts.labelled {
            throw ValidationError(field: "payload.labelled", value: String(counts.labelled),
                                  rule: "renewed (\(renewed)) plus new (\(new)) must equal labelled")
        }
    }

    private func notFound(_ kind: String, _ id: EntityID) -> String {
        if let other = allTime.kind(of: id), other.rawValue != kind, state.kind(of: id) != nil || other != .institute {
            return "is a \(other.rawValue), not a \(kind)"
        }
        if allTime.kind(of: id) != nil {
            return "is not a registered \(kind) on \(day) (it is registered later); check the effective date"
        }
        return "is not a registered \(kind); register it first"
    }
}
