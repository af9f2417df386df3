/// The state of the network on a day, as the JSON document `carnot state` prints and snapshots keep.
///
/// Every list is sorted (institutes, schools and consortia by id, offices by office then person), so the
/// same log always gives byte-identical canonical JSON.
public enum StateDocument {
    /// The document for `state` on `day`, computed from the log up to `head`.
    public static func json(_ state: RegistryState, at day: Day, head: LogHead) -> JSONValue {
        .object([
            "at": .string(day.description),
            "head": .object(["seq": .integer(head.seq), "hash": .string(head.hash)]),
            "institutes": .array(state.institutes.values.sorted { $0.id < $1.id }.map { institute($0, state, day) }),
            "schools": .array(state.schools.values.filter(\.isActive).sorted { $0.id < $1.id }.map(school)),
            "offices": .array(offices(state)),
            "consortia": .array(state.consortia.values.sorted { $0.id < $1.id }.map(consortium)),
        ])
    }

    static func institute(_ record: InstituteRecord, _ state: RegistryState, _ day: Day) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(record.id.rawValue),
            "name": .string(record.name),
            "homeInstitutions": .array(record.homeInstitutions.map { .string($0) }),
            "label": record.label(on: day).map(label) ?? .null,
            "schools": .array(state.schools(of: record.id).map { entry in
                .object(["id": .string(entry.school.id.rawValue), "name": .string(entry.school.name),
                         "role": .string(entry.role.rawValue)])
            }),
            "consortia": .array(state.consortia(of: record.id).map { .string($0.id.rawValue) }),
        ]
        if let director = record.director {
            fields["director"] = person(director, state)
        }
        return .object(fields)
    }

    static func label(_ term: LabelTerm) -> JSONValue {
        .object([
            "kind": .string(term.kind.rawValue),
            "call": .string(term.call.rawValue),
            "from": .string(term.from.description),
            "until": .string(term.until.description),
            "probation": .bool(term.probation),
        ])
    }

    static func school(_ record: SchoolRecord) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(record.id.rawValue),
            "name": .string(record.name),
            "institutes": .array(record.affiliations.sorted { $0.key < $1.key }.map { entry in
                .object(["id": .string(entry.key.rawValue), "role": .string(entry.value.rawValue)])
            }),
        ]
        if let parent = record.parent { fields["parent"] = .string(parent) }
        if !record.mergedFrom.isEmpty { fields["mergedFrom"] = .array(record.mergedFrom.map { .string($0.rawValue) }) }
        return .object(fields)
    }

    static func offices(_ state: RegistryState) -> [JSONValue] {
        let order = Dictionary(uniqueKeysWithValues: Office.allCases.enumerated().map { ($1, $0) })
        return state.offices
            .sorted { (order[$0.office]!, $0.person) < (order[$1.office]!, $1.person) }
            .map { holding in
                .object([
                    "office": .string(holding.office.rawValue),
                    "person": person(holding.person, state),
                    "representing": holding.representing.map { .string($0.rawValue) } ?? .null,
                    "since": .string(holding.since.formatted(holding.sincePrecision)),
                ])
            }
    }

    static func person(_ id: EntityID, _ state: RegistryState) -> JSONValue {
        .object(["id": .string(id.rawValue), "name": state.people[id].map { .string($0.name) } ?? .null])
    }

    static func consortium(_ record: ConsortiumRecord) -> JSONValue {
        .object([
            "id": .string(record.id.rawValue),
            "name": .string(record.name),
            "members": .array(record.members.sorted { $0.key < $1.key }.map { entry in
                .object(["id": .string(entry.key.rawValue), "role": .string(entry.value.rawValue)])
            }),
        ])
    }
}
