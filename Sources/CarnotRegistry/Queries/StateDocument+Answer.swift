extension StateDocument {
    /// The document `carnot state --format json` prints: the snapshot document (`json`) plus how complete it
    /// is, so no answer reads as the whole network when the registry names only part of it.
    ///
    /// Adds `completeness` (one entry per call whose results stand on `day`: its published counts and the
    /// number of institutes the registry names) and, on each institute, `labelStatus` (`held`, `ended`,
    /// `not-known`) with `labelEnded` (the end of the last term) when it ended. Snapshots keep the plain `json`
    /// form, so the checkpoints written before these fields still match at their heads.
    public static func answer(_ state: RegistryState, at day: Day, head: LogHead) -> JSONValue {
        guard case .object(var fields) = json(state, at: day, head: head),
              case .array(let institutes)? = fields["institutes"] else { return json(state, at: day, head: head) }
        fields["institutes"] = .array(institutes.map { withStatus($0, state, day) })
        fields["completeness"] = .array(Completeness.lines(state, on: day).map(completeness))
        return .object(fields)
    }

    /// `document` (an institute's) with its `labelStatus` on `day`, and `labelEnded` when its last term ended.
    static func withStatus(_ document: JSONValue, _ state: RegistryState, _ day: Day) -> JSONValue {
        guard case .object(var fields) = document, case .string(let id)? = fields["id"],
              let record = EntityID(id).flatMap({ state.institutes[$0] }) else { return document }
        let status = LabelStatus(record, on: day)
        fields["labelStatus"] = .string(status.code)
        if case .ended(let term) = status {
            fields["labelEnded"] = .string(term.until.description)
        }
        return .object(fields)
    }

    static func completeness(_ line: Completeness.DayLine) -> JSONValue {
        var published: JSONValue = .null
        if let counts = line.row.published,
           case .object(var counted) = Event.callResultsAnnounced(call: line.row.call, counts: counts).payloadJSON {
            counted["call"] = nil
            published = .object(counted)
        }
        return .object([
            "call": .string(line.row.call.rawValue),
            "name": .string(line.row.name),
            "announced": line.row.announced.map { .string($0.description) } ?? .null,
            "published": published,
            "named": .object(["labelled": .integer(Int64(line.namedLabelled)), "probation": .integer(Int64(line.namedProbation)),
                              "tremplins": .integer(Int64(line.namedTremplins))]),
            "summary": .string(line.sentence),
        ])
    }
}
