import CarnotRegistry
import CarnotServer
import Foundation
import HummingbirdTesting
import Testing

@Suite struct OpenAPITests {
    /// The document kept in the repository, read from the source tree.
    static func document() throws -> JSONValue {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CarnotServer/Resources/openapi.json").path
        return try JSONParser.parse([UInt8](try #require(FileManager.default.contents(atPath: path))))
    }

    @Test func theServersRoutesAndTheDocumentAgree() async throws {
        let server = try TestServer.make(bundled: false)
        let routes = ServerRoutes.build(store: server.store, settings: server.settings).routes
        let served = Set(routes.map { "\($0.method.lowercased()) \($0.path)" })
        guard case .object(let paths)? = try Self.document()["paths"] else { Issue.record("no paths"); return }
        var documented: Set<String> = []
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for method in methods.keys { documented.insert("\(method) \(path)") }
        }
        #expect(served.subtracting(documented).sorted() == [], "routes the document lacks")
        #expect(documented.subtracting(served).sorted() == [], "documented routes the server lacks")
        #expect(served.count == routes.count, "a route registered twice")
    }

    @Test func theServedDocumentIsTheRepositorysFile() async throws {
        let server = try TestServer.make(bundled: false)
        let expected = try Self.document()
        try await server.run { client in
            let response = try await client.call("/openapi.json")
            #expect(response.status == .ok)
            #expect(response.json == expected)
            #expect(response.json?["openapi"] == .string("3.1.0"))
        }
    }
}
