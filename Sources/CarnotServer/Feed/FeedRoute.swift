import Foundation
import CarnotRegistry
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// `GET /api/feed`: the log as server-sent events, then each new event as it is appended.
///
/// Each message is one published NDJSON line (`data`), its position (`id`) and type (`event`). A client
/// that reconnects with `Last-Event-ID: <seq>` (or `?since=<seq>`) resumes after that position.
struct FeedRoute: Sendable {
    let store: RegistryStore
    let access: Access
    /// Events sent per read of the store, so a long backlog does not sit in memory at once.
    static let batch: Int64 = 500

    func register(on table: RouteTable) {
        table.on(.get, "/api/feed") { request, _ in try feed(request) }
    }

    func feed(_ request: Request) throws -> Response {
        try access.checkRead(request)
        let start: Int64
        if let header = request.headers[HTTPField.Name("Last-Event-ID")!] {
            guard let seq = Int64(header.trimmingCharacters(in: .whitespaces)), seq >= 0 else {
                throw Problem.badParameter("Last-Event-ID", header, rule: "a log position (0 or more)")
            }
            start = seq
        } else {
            start = try QueryParameters(request).integer("since", in: 0...Int64.max, default: 0)
        }
        // `max` closes the stream after that many events: a client that wants a bounded catch-up (and tests).
        let limit = try QueryParameters(request).integer("max", in: 1...Int64.max, default: .max)
        let store = self.store
        let notifications = store.feed.subscribe()
        let body = ResponseBody { writer in
            var sent = start
            let last = start.addingReportingOverflow(limit).overflow ? Int64.max : start + limit
            try await withGracefulShutdownHandler {
                sent = try await Self.send(after: sent, through: last, from: store, to: &writer)
                guard sent < last else { return }
                for await head in notifications where head > sent {
                    sent = try await Self.send(after: sent, through: last, from: store, to: &writer)
                    if sent >= last { return }
                }
            } onGracefulShutdown: {
                store.feed.finish()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    /// Sends the events after `start` up to `last` that the log holds now; returns the last position sent.
    static func send(after start: Int64, through last: Int64, from store: RegistryStore, to writer: inout any ResponseBodyWriter) async throws -> Int64 {
        var sent = start
        while sent < last {
            let from = sent + 1
            let through = min(last, from.addingReportingOverflow(batch - 1).overflow ? .max : from + batch - 1)
            let events = try await store.read { try $0.events(from: from, through: through) }
            guard !events.isEmpty else { return sent }
            var text = ""
            for event in events {
                text += "id: \(event.seq)\nevent: \(event.event.typeName)\ndata: \(String(decoding: EventSchema.line(of: event), as: UTF8.self))\n\n"
            }
            try await writer.write(ByteBuffer(string: text))
            sent = events.last!.seq
        }
        return sent
    }
}
