import Foundation
import CarnotRegistry
import Hummingbird

extension PageRoutes {
    /// The events of an entity's history a page shows: the newest ones, older ones a link away.
    static let historyPageSize = 100

    /// An entity's history, newest page first, and the explanation of its fields on a day.
    ///
    /// The history is read from the entity index, a page at a time (`before`: the events recorded before that
    /// position), so its cost is the page's, not the log's; the whole history is the NDJSON of
    /// `/api/entities/{id}/history`.
    func entity(_ request: Request, _ context: some RequestContext) async throws -> Response {
        try access.checkRead(request)
        let id = try QueryParameters.entityID(context)
        let query = QueryParameters(request)
        let day = try query.optionalDay("at") ?? Self.today
        let before = try query.integer("before", in: 1...Int64.max, default: .max)
        let size = Self.historyPageSize
        let (entries, explanation, head) = try await store.read { store -> ([HistoryEntry], Explanation?, LogHead) in
            var entries: [HistoryEntry] = []
            // One more than the page: whether there are earlier events, without counting them.
            try store.forEachHistoryEntry(of: id, before: before, last: size + 1) { entries.append($0) }
            guard try !entries.isEmpty || store.names(id) else {
                throw Problem.unknownEntity(id.rawValue, detail: "no event names '\(id)'; search for it at /search?q=\(id)")
            }
            // The explanation credits the events that changed the entity's fields, whichever entities they name:
            // it folds the records the entity's document reads, from the entity index (not the whole log).
            let head = try store.head()
            return (entries, try store.explanation(of: id, at: day, upto: head.seq), head)
        }
        let shown = entries.suffix(size)
        var page: [String: Any] = ["id": id.rawValue, "at": day.description, "title": "\(id): history and explanation"]
        page["history"] = shown.map { entry -> [String: Any] in
            let event = entry.event
            let status = switch entry.status {
            case .retractedBy(let seq)?: "retracted by \(seq)"
            case .correctedBy(let seq)?: "corrected by \(seq)"
            case nil: event.confidence == .confirmed ? "" : event.confidence.rawValue
            }
            return ["seq": String(event.seq), "effective": event.effectiveDate.description, "recorded": event.recorded.description,
                    "text": EventSummary.describe(event.event), "source": event.source, "status": status]
        }
        if entries.count > size, let first = shown.first {
            page["earlier"] = "/entities/\(id)?at=\(day)&before=\(first.event.seq)"
        }
        if before != .max { page["newest"] = "/entities/\(id)?at=\(day)" }
        page["paged"] = page["earlier"] != nil || page["newest"] != nil
        if let explanation {
            page["explained"] = true
            page["fields"] = explanation.fields.map { field -> [String: Any] in
                ["field": field.name, "value": CanonicalJSON.string(field.value),
                 "madeBy": field.madeBy.map { ["seq": String($0.seq), "event": $0.summary, "effective": $0.effective.description, "confidence": $0.confidence.rawValue] }]
            }
            page["hasSkipped"] = !explanation.skipped.isEmpty
            page["skipped"] = explanation.skipped.map { skipped -> [String: Any] in
                ["eventSeq": String(skipped.event.seq), "eventText": skipped.event.summary, "bySeq": String(skipped.correction.seq)]
            }
        } else {
            page["missing"] = "'\(id)' did not exist on \(day)."
        }
        return Reply.html(renderer.render("entity", title: id.rawValue, head: head, page))
    }

    /// One event: its source, confidence, record time and chain hash.
    func event(_ request: Request, _ context: some RequestContext) async throws -> Response {
        try access.checkRead(request)
        let text = context.parameters.get("seq") ?? ""
        guard let seq = Int64(text), seq >= 1 else { throw Problem.badParameter("seq", text, rule: "a log position, 1 or more") }
        let (events, head) = try await store.read { store in (try store.events(), try store.head()) }
        guard seq <= events.count else {
            throw Problem(.notFound, "unknown-event", "no event at position \(seq): the log has \(events.count)", field: "seq", value: text, rule: "at most the head position \(head.seq)")
        }
        let event = events[Int(seq - 1)]
        let deciding = Timeline.corrections(in: events, upto: .max)[seq]
        let page: [String: Any] = [
            "seq": String(seq), "type": event.event.typeName, "text": EventSummary.describe(event.event),
            "effective": event.effectiveDate.description, "recorded": event.recorded.description, "recordedBy": event.recordedBy,
            "source": event.source, "confidence": event.confidence.rawValue, "note": event.note ?? "",
            "status": deciding.map { ($0.event.typeName == "event.retracted" ? "retracted by " : "corrected by ") + String($0.seq) } ?? "",
            "hash": event.hash, "entities": event.event.entities.map { ["id": $0.rawValue] },
            "line": String(decoding: EventSchema.line(of: event), as: UTF8.self),
        ]
        return Reply.html(renderer.render("event", title: "Event \(seq)", head: head, page))
    }
}
