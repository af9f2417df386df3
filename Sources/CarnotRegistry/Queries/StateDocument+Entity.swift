extension StateDocument {
    /// The document of one entity on `day`, with its `kind`, or nil when no entity has that id by then.
    public static func entity(_ id: EntityID, in state: RegistryState, at day: Day) -> JSONValue? {
        var document: JSONValue
        switch state.kind(of: id) {
        case .institute?:
            let record = state.institutes[id]!
            document = withStatus(institute(record, state, day), state, day)
            guard case .object(var fields) = document else { return nil }
            fields["terms"] = .array(record.terms.map { term in
                guard case .object(var termFields) = label(term) else { return .null }
                if let withdrawal = term.withdrawal { termFields["withdrawn"] = .string(withdrawal) }
                return .object(termFields)
            })
            if !record.notRenewedIn.isEmpty {
                fields["notRenewedIn"] = .array(record.notRenewedIn.map { .string($0.rawValue) })
            }
            document = .object(fields)
        case .school?:
            let record = state.schools[id]!
            document = school(record)
            if let into = record.mergedInto, case .object(var fields) = document {
                fields["mergedInto"] = .string(into.rawValue)
                document = .object(fields)
            }
        case .person?:
            let record = state.people[id]!
            document = .object([
                "id": .string(id.rawValue), "name": .string(record.name),
                "alsoKnownAs": .array(record.alsoKnownAs.map { .string($0) }),
                "offices": .array(state.offices.filter { $0.person == id }.map { holding in
                    .object(["office": .string(holding.office.rawValue),
                             "representing": holding.representing.map { .string($0.rawValue) } ?? .null,
                             "since": .string(holding.since.formatted(holding.sincePrecision))])
                }),
                "directs": .array(state.institutes.values.filter { $0.director == id }.map(\.id).sorted().map { .string($0.rawValue) }),
            ])
        case .consortium?:
            document = consortium(state.consortia[id]!)
        case .call?:
            let record = state.calls[id]!
            var fields: [String: JSONValue] = [
                "id": .string(id.rawValue), "name": .string(record.name), "opened": .string(record.opened.description),
            ]
            if let closes = record.closes { fields["closes"] = .string(closes.description) }
            if let announced = record.announced { fields["announced"] = .string(announced.description) }
            if let results = record.results, case .object(var counts) = Event.callResultsAnnounced(call: id, counts: results).payloadJSON {
                counts["call"] = nil
                fields["results"] = .object(counts)
            }
            document = .object(fields)
        case nil:
            return nil
        }
        guard case .object(var fields) = document else { return nil }
        fields["kind"] = .string(state.kind(of: id)!.rawValue)
        fields["at"] = .string(day.description)
        return .object(fields)
    }
}
