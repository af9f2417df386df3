import Foundation
import CarnotRegistry
import Hummingbird

extension PageRoutes {
    /// An entity's history, and the explanation of its fields on a day.
    func entity(_ request: Request, _ context: some RequestContext) async throws -> Response {
        try access.checkRead(request)
        let id = try QueryParameters.entityID(context)
        let query = QueryParameters(request)
        let day = try query.optionalDay("at") ?? Self.today
        let (events, head) = try await store.read { store in (try store.events(), try store.head()) }
        let touching = events.filter { $0.event.entities.contains(id) }
        guard !touching.isEmpty else {
            throw Problem.unknownEntity(id.rawValue, detail: "no event names '\(id)'; search for it at /search?q=\(id)")
        }
        let deciding = Timeline.corrections(in: events, upto: .max)
        var page: [String: Any] = ["id": id.rawValue, "at": day.description, "title": "\(id): history and explanation"]
        page["history"] = touching.map { event -> [String: Any] in
            var status = event.confidence == .confirmed ? "" : event.confidence.rawValue
            if let by = deciding[event.seq] {
                status = (by.event.typeName == "event.retracted" ? "retracted by " : "corrected by ") + String(by.seq)
            }
            return ["seq": String(event.seq), "effective": event.effectiveDate.description, "recorded": event.recorded.description,
                    "text": EventSummary.describe(event.event), "source": event.source, "status": status]
        }
        if let explanation = Explanation.explain(id, at: day, events: events, upto: head.seq) {
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
