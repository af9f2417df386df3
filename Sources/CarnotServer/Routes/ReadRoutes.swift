import Foundation
import CarnotRegistry
import HTTPTypes
import Hummingbird

/// The read API: the command line's canonical JSON documents, over HTTP.
struct ReadRoutes: Sendable {
    let store: RegistryStore
    let access: Access

    func register(on table: RouteTable) {
        table.on(.get, "/api/head") { request, _ in
            try access.checkRead(request)
            let head = try await store.read { try $0.head() }
            return Reply.json(QueryDocuments.head(head), caching: .revalidate(tag: "\"head-\(head.seq)\""), request: request)
        }
        table.on(.get, "/api/state") { request, _ in try await state(request) }
        table.on(.get, "/api/entities/{id}") { request, context in try await entity(request, context) }
        table.on(.get, "/api/entities/{id}/history") { request, context in try await history(request, context) }
        table.on(.get, "/api/entities/{id}/explain") { request, context in try await explain(request, context) }
        table.on(.get, "/api/diff") { request, _ in try await diff(request) }
        table.on(.get, "/api/log") { request, _ in try await log(request) }
        table.on(.get, "/api/verify") { request, _ in
            try access.checkRead(request)
            let report = try await store.read { try $0.verify() }
            return Reply.json(QueryDocuments.verification(report),
                              caching: .revalidate(tag: "\"verify-\(report.verifiedHead.seq)\""), request: request)
        }
        table.on(.get, "/api/completeness") { request, _ in
            try access.checkRead(request)
            let (rows, head) = try await store.read { store in (Completeness.rows(try store.currentState()), try store.head()) }
            return Reply.json(QueryDocuments.completeness(rows), caching: .revalidate(tag: "\"completeness-\(head.seq)\""), request: request)
        }
        table.on(.get, "/api/snapshot") { request, _ in try await snapshot(request) }
    }

    func state(_ request: Request) async throws -> Response {
        try access.checkRead(request)
        let query = QueryParameters(request)
        let day = try query.day("at"), knownAt = try query.cutoff()
        let (document, cut) = try await store.read { store in
            let cut = try Cut.resolve(knownAt, in: store)
            let state = try store.state(at: day, knownAt: .position(cut.head.seq))
            return (StateDocument.answer(state, at: day, head: cut.head), cut)
        }
        return Reply.json(document, caching: caching(cut, "state", day.description), request: request)
    }

    func entity(_ request: Request, _ context: some RequestContext) async throws -> Response {
        try access.checkRead(request)
        let id = try QueryParameters.entityID(context)
        let query = QueryParameters(request)
        let day = try query.day("at"), knownAt = try query.cutoff()
        let (document, cut) = try await store.read { store in
            let cut = try Cut.resolve(knownAt, in: store)
            let state = try store.state(at: day, knownAt: .position(cut.head.seq))
            return (StateDocument.entity(id, in: state, at: day), cut)
        }
        guard let document else {
            throw Problem.unknownEntity(id.rawValue, detail: "no institute, school, person, consortium or call '\(id)' on \(day); see GET /api/state?at=\(day)")
        }
        return Reply.json(document, caching: caching(cut, "entity", id.rawValue, day.description), request: request)
    }

    /// Every event naming the entity, in log order, as published lines; `since` and `limit` read it in pages,
    /// as `carnot history --since --limit` does.
    func history(_ request: Request, _ context: some RequestContext) async throws -> Response {
        try access.checkRead(request)
        let id = try QueryParameters.entityID(context)
        let query = QueryParameters(request)
        let since = try query.integer("since", in: 0...Int64.max, default: 0)
        let limit = query.string("limit") == nil ? nil : Int(try query.integer("limit", in: 1...Int64(Int32.max), default: 1))
        // From the entity index: the entity's events only, whatever the size of the log.
        let (lines, head, named) = try await store.read { store in
            var lines: [[UInt8]] = []
            try store.forEachHistoryEntry(of: id, after: since, limit: limit) { lines.append(EventSchema.lineBytes(of: $0.event)) }
            return (lines, try store.head(), try !lines.isEmpty || store.names(id))
        }
        guard named else {
            throw Problem.unknownEntity(id.rawValue, detail: "no event names '\(id)'; ids are listed by GET /api/state?at=<date>")
        }
        return Reply.ndjson(lines, caching: .revalidate(tag: "\"history-\(id)-\(since)-\(limit ?? 0)-\(head.seq)\""), request: request)
    }

    func explain(_ request: Request, _ context: some RequestContext) async throws -> Response {
        try access.checkRead(request)
        let id = try QueryParameters.entityID(context)
        let query = QueryParameters(request)
        let day = try query.day("at"), knownAt = try query.cutoff()
        let (explanation, cut) = try await store.read { store in
            let cut = try Cut.resolve(knownAt, in: store)
            // From the entity index: the records the entity's document reads, not the whole log.
            return (try store.explanation(of: id, at: day, upto: cut.head.seq), cut)
        }
        guard let explanation else {
            throw Problem.unknownEntity(id.rawValue, detail: "no entity '\(id)' on \(day); see GET /api/state?at=\(day)")
        }
        return Reply.json(QueryDocuments.explanation(explanation), caching: caching(cut, "explain", id.rawValue, day.description), request: request)
    }

    func diff(_ request: Request) async throws -> Response {
        try access.checkRead(request)
        let query = QueryParameters(request)
        let from = try query.day("from"), to = try query.day("to"), knownAt = try query.cutoff()
        guard from <= to else {
            throw Problem.badParameter("from", from.description, rule: "must not be after to (\(to)): give the earlier day first")
        }
        let (changes, cut) = try await store.read { store in
            let cut = try Cut.resolve(knownAt, in: store)
            let before = try store.state(at: from, knownAt: .position(cut.head.seq))
            let after = try store.state(at: to, knownAt: .position(cut.head.seq))
            return (StateDiff.changes(from: before, on: from, to: after, on: to), cut)
        }
        return Reply.json(QueryDocuments.diff(changes, from: from, to: to),
                          caching: caching(cut, "diff", from.description, to.description), request: request)
    }

    /// The published NDJSON lines after `since`, at most `limit` of them; a full page names the next one.
    func log(_ request: Request) async throws -> Response {
        try access.checkRead(request)
        let query = QueryParameters(request)
        let since = try query.integer("since", in: 0...Int64.max, default: 0)
        let limit = try query.integer("limit", in: 1...10_000, default: 1_000)
        let (lines, head) = try await store.read { store in
            let (end, overflow) = since.addingReportingOverflow(limit)
            return (try store.events(from: since + 1, through: overflow ? .max : end).map(EventSchema.line(of:)), try store.head())
        }
        var headers: HTTPFields = [:]
        let full = Int64(lines.count) == limit
        if full, since + limit < head.seq {
            headers[HTTPField.Name("Link")!] = "</api/log?since=\(since + limit)&limit=\(limit)>; rel=\"next\""
        }
        let caching: Reply.Caching = full ? .fixed(tag: "\"log-\(since)-\(limit)\"") : .revalidate(tag: "\"log-\(since)-\(limit)-\(head.seq)\"")
        return Reply.ndjson(lines, caching: caching, request: request, headers: headers)
    }

    func snapshot(_ request: Request) async throws -> Response {
        try access.checkRead(request)
        let query = QueryParameters(request)
        let day = try query.day("at"), knownAt = try query.cutoff()
        let (snapshot, cut) = try await store.read { store in
            let cut = try Cut.resolve(knownAt, in: store)
            return (Snapshot(state: try store.state(at: day, knownAt: .position(cut.head.seq)), at: day, head: cut.head), cut)
        }
        return Reply.json(snapshot.document, caching: caching(cut, "snapshot", day.description), request: request)
    }

    private func caching(_ cut: Cut, _ parts: String...) -> Reply.Caching {
        let tag = "\"" + (parts + [String(cut.head.seq), String(cut.head.hash.prefix(16))]).joined(separator: "-") + "\""
        return cut.isFixed ? .fixed(tag: tag) : .revalidate(tag: tag)
    }
}
