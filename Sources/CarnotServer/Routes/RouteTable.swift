import Foundation
import HTTPTypes
import Hummingbird

/// Registers routes on the router and remembers each (method, path), so a test can hold the server's routes
/// against the OpenAPI document.
final class RouteTable: @unchecked Sendable {
    /// The routes, as OpenAPI writes them (`/api/entities/{id}`).
    private(set) var routes: [(method: String, path: String)] = []
    let router: Router<BasicRequestContext>

    init(router: Router<BasicRequestContext>) { self.router = router }

    /// Adds a route; `path` uses `{name}` for parameters, as OpenAPI does.
    func on(_ method: HTTPRequest.Method, _ path: String,
            _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response) {
        routes.append((method.rawValue, path))
        let hummingbirdPath = path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : part
        }.joined(separator: "/")
        router.on(RouterPath(stringLiteral: hummingbirdPath), method: method, use: handler)
    }
}
