import Foundation
import CarnotRegistry
import HTTPTypes
import Hummingbird

/// `POST /api/decisions`: appends a decision written as `carnot record --file` takes it.
///
/// A recorder's bearer token is required and names `recordedBy`. `If-Match: <seq>` is the head the writer
/// expects (412 when the log moved); `Idempotency-Key` makes a retry return the first answer.
struct DecisionRoute: Sendable {
    let store: RegistryStore
    let access: Access

    func register(on table: RouteTable) {
        table.on(.post, "/api/decisions") { request, _ in try await record(request) }
    }

    func record(_ request: Request) async throws -> Response {
        let principal = try access.require(.recorder, request)
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            throw Problem(.unsupportedMediaType, "unsupported-media-type", "send the decision as application/json",
                          field: "Content-Type", value: type ?? "", rule: "must be application/json")
        }
        let expectedHead = try Self.expectedHead(request)
        let key = try Self.idempotencyKey(request)
        var request = request
        let body = try await request.collectBody(upTo: ServerSettings.maximumBodyBytes)
        let drafts: [EventDraft]
        do {
            drafts = try EventSchema.decodeDecision(try JSONParser.parse(Array(buffer: body)), defaultRecordedBy: principal.name)
        } catch let error as JSONError {
            throw Problem(error)
        } catch let error as EventFormatError {
            throw Problem(error)
        }
        if let index = drafts.firstIndex(where: { $0.recordedBy != principal.name }) {
            var problem = Problem(.badRequest, "recorded-by", "events[\(index)].recordedBy \(drafts[index].recordedBy): the server records who sent the decision (\(principal.name), from the token); leave recordedBy out",
                                  field: "events[\(index)].recordedBy", value: drafts[index].recordedBy, rule: "must be absent or the token's name")
            problem.index = index
            throw problem
        }
        let result = try await store.append(drafts, expectedHead: expectedHead, idempotencyKey: key)
        return Reply.json(QueryDocuments.append(result), request: request, status: result.replayed ? .ok : .created,
                          headers: [.eTag: "\"\(result.head.seq)\"",
                                    .location: "/api/log?since=\(result.firstSeq - 1)&limit=\(result.lastSeq - result.firstSeq + 1)"])
    }

    /// `If-Match: 57` or `If-Match: "57"`: the head position the decision is written against.
    static func expectedHead(_ request: Request) throws -> Int64? {
        guard let text = request.headers[.ifMatch] else { return nil }
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.hasPrefix("\""), digits.hasSuffix("\""), digits.count >= 2 { digits = String(digits.dropFirst().dropLast()) }
        guard let seq = Int64(digits), seq >= 0 else {
            throw Problem(.badRequest, "bad-header", "If-Match \(text): give the expected head position, e.g. If-Match: 57",
                          field: "If-Match", value: text, rule: "a log position (0 or more), optionally quoted")
        }
        return seq
    }

    static func idempotencyKey(_ request: Request) throws -> String? {
        guard let key = request.headers[HTTPField.Name("Idempotency-Key")!] else { return nil }
        guard (1...200).contains(key.count), key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw Problem(.badRequest, "bad-header", "Idempotency-Key: 1-200 printable ASCII characters without spaces",
                          field: "Idempotency-Key", value: key, rule: "1-200 printable ASCII characters")
        }
        return key
    }
}
