import CarnotRegistry
import CarnotServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging


/// A server on its own store (a temporary file) and token file, started on a free loopback port for one
/// test and driven over real HTTP.
struct TestServer: Sendable {
    let folder: String
    let database: String
    let tokens: TokenFile
    let store: RegistryStore
    let settings: ServerSettings

    /// A fresh store, empty or holding the bundled history.
    static func make(bundled: Bool = true, requireToken: Bool = false) throws -> TestServer {
        let folder = NSTemporaryDirectory() + "carnot-serve-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let database = folder + "/registry.sqlite"
        if bundled {
            let entries = try LogFile.read(BundledHistory.folder()!)
            _ = try EventStore(path: database).importLog(entries)
        }
        let tokens = TokenFile(path: folder + "/tokens.json")
        let settings = ServerSettings(host: "127.0.0.1", port: 0, tokensPath: tokens.path, requireToken: requireToken,
                                      snapshotsFolder: BundledHistory.snapshotsFolder())
        return TestServer(folder: folder, database: database, tokens: tokens, store: try RegistryStore(path: database), settings: settings)
    }

    /// Runs `body` against the server, live on a loopback port. The server and the client run on threads of
    /// their own (`ServerExecutor`), so that long tests elsewhere in the run cannot starve them into a timeout.
    func run<T: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        var logger = Logger(label: "carnot.test")
        logger.logLevel = .warning
        let app = buildApplication(store: store, settings: settings, logger: logger)
        return try await withTaskExecutorPreference(ServerExecutor.shared) {
            try await app.test(.live, body)
        }
    }

    /// The head of the store, read directly (not through the server).
    func head() throws -> LogHead { try EventStore(path: database).head() }
}

/// A response read off the wire.
struct HTTPReply: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer

    var text: String { String(buffer: body) }
    var json: JSONValue? { try? JSONParser.parse(text) }
}

extension TestClientProtocol {
    /// A request over the test's connection (one connection: requests on it are answered in turn).
    func call(_ uri: String, _ method: HTTPRequest.Method = .get, headers: HTTPFields = [:], body: String? = nil) async throws -> HTTPReply {
        try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            HTTPReply(status: response.status, headers: response.headers, body: response.body)
        }
    }

    /// Runs `body` on a connection of its own, so that it runs beside the others.
    func connection<T: Sendable>(_ body: @escaping @Sendable (TestClient) async throws -> T) async throws -> T {
        try await TestClient.withClient(host: "127.0.0.1", port: port!, configuration: .init(timeout: .seconds(60)), operation: body)
    }
}

extension TestClient {
    func call(_ uri: String, _ method: HTTPRequest.Method = .get, headers: HTTPFields = [:], body: String? = nil) async throws -> HTTPReply {
        var headers = headers
        headers[.connection] = "keep-alive"
        let response = try await execute(TestClient.Request(uri, method: method, authority: "localhost", headers: headers,
                                                            body: body.map { ByteBuffer(string: $0) }))
        return HTTPReply(status: response.status, headers: response.head.headerFields, body: response.body ?? ByteBuffer())
    }
}

/// Decision documents for the write tests, valid on the bundled history.
enum Decisions {
    /// A new institute: one event, valid on any log.
    static func register(_ id: String, name: String? = nil) -> String {
        """
        {"events": [{"type": "institute.registered", "effective": "2020-02-07", "source": "test",
          "payload": {"institute": "\(id)", "name": "\(name ?? id.uppercased())", "homeInstitutions": ["Ifremer"]}}]}
        """
    }

    /// Two events in one decision: a person registered and a consortium formed.
    static func pair(_ id: String) -> String {
        """
        {"events": [
          {"type": "person.registered", "effective": "2021-01-01", "source": "test", "payload": {"person": "p-\(id)", "name": "P \(id)"}},
          {"type": "consortium.formed", "effective": "2021-01-01", "source": "test", "payload": {"consortium": "c-\(id)", "name": "C \(id)"}}]}
        """
    }
}
