/// The JSON documents of the read commands beside `state` and `show`, built once here so that the command
/// line (`--format json`) and the HTTP API answer with the same bytes.
public enum QueryDocuments {
    /// `carnot explain ID --at DAY --format json`.
    public static func explanation(_ explanation: Explanation) -> JSONValue {
        .object([
            "id": .string(explanation.id.rawValue), "at": .string(explanation.at.description),
            "fields": .array(explanation.fields.map { field in
                .object(["field": .string(field.name), "value": field.value, "madeBy": .array(field.madeBy.map(citation))])
            }),
            "skipped": .array(explanation.skipped.map { .object(["event": citation($0.event), "by": citation($0.correction)]) }),
        ])
    }

    /// One event cited by an explanation.
    public static func citation(_ citation: Explanation.Citation) -> JSONValue {
        .object(["seq": .integer(citation.seq), "effective": .string(citation.effective.description),
                 "recorded": .string(citation.recorded.description), "source": .string(citation.source),
                 "confidence": .string(citation.confidence.rawValue), "event": .string(citation.summary)])
    }

    /// `carnot diff --from A --to B --format json`.
    public static func diff(_ changes: [StateDiff.Change], from: Day, to: Day) -> JSONValue {
        .object([
            "from": .string(from.description), "to": .string(to.description),
            "changes": .array(changes.map { .object(["kind": .string($0.kind), "subject": .string($0.subject.rawValue), "detail": .string($0.detail)]) }),
        ])
    }

    /// `carnot verify --format json` (`scope` "full", or "chain" for `--chain-only`).
    public static func verification(_ report: VerificationReport, chainOnly: Bool = false) -> JSONValue {
        .object([
            "valid": .bool(report.isValid),
            "scope": .string(chainOnly ? "chain" : "full"),
            "verified": head(report.verifiedHead),
            "failure": report.failure.map { .object(["seq": .integer($0.seq), "reason": .string($0.reason)]) } ?? .null,
        ])
    }

    /// `carnot head --format json`.
    public static func head(_ head: LogHead) -> JSONValue {
        .object(["seq": .integer(head.seq), "hash": .string(head.hash)])
    }

    /// `carnot completeness --format json`.
    public static func completeness(_ rows: [Completeness.Row]) -> JSONValue {
        .array(rows.map { row in
            let ids = { (list: [EntityID]) in JSONValue.array(list.map { .string($0.rawValue) }) }
            var published: JSONValue = .null
            if let counts = row.published, case .object(var fields) = Event.callResultsAnnounced(call: row.call, counts: counts).payloadJSON {
                fields["call"] = nil
                published = .object(fields)
            }
            return .object([
                "call": .string(row.call.rawValue), "name": .string(row.name),
                "announced": row.announced.map { .string($0.description) } ?? .null, "published": published,
                "named": .object(["labelled": ids(row.namedLabelled), "renewed": ids(row.namedRenewed),
                                  "tremplins": ids(row.namedTremplins), "probation": ids(row.namedProbation),
                                  "notRenewed": ids(row.namedNotRenewed)]),
            ])
        })
    }

    /// `carnot record --format json`: where a decision landed.
    public static func append(_ result: AppendResult) -> JSONValue {
        .object(["first": .integer(result.firstSeq), "last": .integer(result.lastSeq),
                 "head": head(result.head), "replayed": .bool(result.replayed)])
    }
}
