import Foundation
import CarnotRegistry
import Hummingbird

extension PageRoutes {
    /// The log, filtered by type and entity, 100 events a page.
    func log(_ request: Request) async throws -> Response {
        try access.checkRead(request)
        let query = QueryParameters(request)
        let since = try query.integer("since", in: 0...Int64.max, default: 0)
        let type = query.string("type").flatMap { $0.isEmpty ? nil : $0 }
        if let type, !Event.typeNames.contains(type) {
            throw Problem.badParameter("type", type, rule: "one of \(Event.typeNames.joined(separator: ", "))")
        }
        let entityText = query.string("entity").flatMap { $0.isEmpty ? nil : $0 }
        let entity = try entityText.map { text throws -> EntityID in
            guard let id = EntityID(text) else { throw Problem.badParameter("entity", text, rule: EntityID.rule) }
            return id
        }
        let (events, head) = try await store.read { store in (try store.events(from: since + 1), try store.head()) }
        let matching = events.lazy.filter { event in
            (type == nil || event.event.typeName == type) && (entity == nil || event.event.entities.contains(entity!))
        }
        let page = Array(matching.prefix(100))
        var next = ""
        if page.count == 100, let last = page.last, last.seq < head.seq {
            next = "/log?since=\(last.seq)&type=\(type ?? "")&entity=\(entity?.rawValue ?? "")"
        }
        let context: [String: Any] = [
            "headSeq": String(head.seq), "headHash": head.hash, "since": String(since), "entity": entityText ?? "",
            "types": Event.typeNames.map { ["name": $0, "selected": $0 == type] },
            "events": page.map { event -> [String: Any] in
                ["seq": String(event.seq), "recorded": event.recorded.description, "effective": event.effectiveDate.description,
                 "type": event.event.typeName, "text": EventSummary.describe(event.event), "recordedBy": event.recordedBy]
            },
            "next": next,
        ]
        return Reply.html(renderer.render("log", title: "Log", head: head, context))
    }

    /// The chain verified and the published snapshots checked.
    func audit(_ request: Request) async throws -> Response {
        try access.checkRead(request)
        let folder = snapshotsFolder
        let (check, head) = try await store.read { store in (try AuditCheck.run(on: store, snapshotsFolder: folder), try store.head()) }
        let context: [String: Any] = [
            "valid": check.verification.isValid, "verifiedSeq": String(check.verification.verifiedHead.seq),
            "verifiedHash": check.verification.verifiedHead.hash,
            "failureSeq": check.verification.failure.map { String($0.seq) } ?? "", "failureReason": check.verification.failure?.reason ?? "",
            "snapshots": check.snapshots.map { match -> [String: Any] in
                ["file": match.file, "at": match.at.description, "seq": String(match.head.seq), "matches": match.problems.isEmpty,
                 "differences": match.problems]
            },
        ]
        return Reply.html(renderer.render("audit", title: "Audit", head: head, context))
    }

    /// Entities by name or id, accents ignored.
    func search(_ request: Request) async throws -> Response {
        try access.checkRead(request)
        let text = QueryParameters(request).string("q") ?? ""
        var context: [String: Any] = ["query": text]
        let (state, head) = try await store.read { store in (try store.currentState(), try store.head()) }
        if !text.isEmpty {
            let query = try SearchRoute.query(request)
            let hits = NameSearch.find(query, in: state)
            context["searched"] = true
            context["count"] = String(hits.count)
            context["results"] = hits.map { hit -> [String: Any] in
                ["id": hit.id.rawValue, "name": hit.name, "kind": hit.kind.rawValue,
                 "href": hit.kind == .institute ? "/institutes/\(hit.id)" : "/entities/\(hit.id)"]
            }
        }
        return Reply.html(renderer.render("search", title: "Search", head: head, query: text, context))
    }
}
