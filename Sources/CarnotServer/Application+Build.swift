import CarnotRegistry
import Foundation
import Hummingbird
import Logging

/// The server: routes, middleware and the store, as an application that `carnot serve` runs and tests
/// start on a free loopback port.
///
/// ```swift
/// let app = try buildApplication(store: RegistryStore(path: "registry.sqlite"), settings: ServerSettings(port: 0))
/// try await app.runService()
/// ```
public func buildApplication(store: RegistryStore, settings: ServerSettings, logger: Logger? = nil,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let logger = logger ?? Logger(label: "carnot.serve")
    let routes = ServerRoutes.build(store: store, settings: settings)
    return Application(
        router: routes.router,
        configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "carnot"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
        logger: logger)
}

/// The router of a server and the table of its routes (which a test holds against `/openapi.json`).
public struct ServerRoutes {
    let router: Router<BasicRequestContext>
    let table: RouteTable

    /// Every route, as (method, OpenAPI path).
    public var routes: [(method: String, path: String)] { table.routes }

    public static func build(store: RegistryStore, settings: ServerSettings) -> ServerRoutes {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: LogRequestsMiddleware<BasicRequestContext>(.info))
        router.add(middleware: ProblemMiddleware<BasicRequestContext>())
        let access = Access(tokens: TokenFile(path: settings.tokensPath), requireToken: settings.requireToken)
        let table = RouteTable(router: router)
        ReadRoutes(store: store, access: access).register(on: table)
        DecisionRoute(store: store, access: access).register(on: table)
        FeedRoute(store: store, access: access).register(on: table)
        SearchRoute(store: store, access: access).register(on: table)
        AuditRoute(store: store, access: access, snapshotsFolder: settings.snapshotsFolder).register(on: table)
        PageRoutes(store: store, access: access, snapshotsFolder: settings.snapshotsFolder).register(on: table)
        table.on(.get, "/openapi.json") { request, _ in
            Reply.bytes(OpenAPIDocument.bytes, type: "application/json", caching: .revalidate(tag: OpenAPIDocument.tag),
                        request: request, status: .ok, headers: [:])
        }
        return ServerRoutes(router: router, table: table)
    }
}
