import Foundation
import CarnotRegistry
import Hummingbird

/// `GET /api/search?q=`: entities by name or id, accents ignored.
struct SearchRoute: Sendable {
    let store: RegistryStore
    let access: Access

    func register(on table: RouteTable) {
        table.on(.get, "/api/search") { request, _ in
            try access.checkRead(request)
            let query = try Self.query(request)
            let (hits, head) = try await store.read { store in (NameSearch.find(query, in: try store.currentState()), try store.head()) }
            return Reply.json(.object([
                "query": .string(query),
                "results": .array(hits.map { .object(["id": .string($0.id.rawValue), "kind": .string($0.kind.rawValue), "name": .string($0.name)]) }),
            ]), caching: .revalidate(tag: "\"search-\(head.seq)-\(NameSearch.fold(query).hashValue)\""), request: request)
        }
    }

    static func query(_ request: Request) throws -> String {
        let query = QueryParameters(request).string("q") ?? ""
        guard (1...200).contains(query.count), !query.allSatisfy(\.isWhitespace) else {
            throw Problem.badParameter("q", query, rule: "1-200 characters: a name or an id")
        }
        return query
    }
}
