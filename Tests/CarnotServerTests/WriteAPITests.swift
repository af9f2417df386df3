import CarnotRegistry
import CarnotServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct WriteAPITests {
    static let json: HTTPFields = [.contentType: "application/json"]

    static func bearer(_ token: String, _ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = json
        headers[.authorization] = "Bearer \(token)"
        for field in extra { headers[field.name] = field.value }
        return headers
    }

    @Test func aRecorderRecordsAndIsTheRecordedBy() async throws {
        let server = try TestServer.make()
        let token = try server.tokens.add(name: "alice", role: .recorder)
        let before = try server.head().seq
        try await server.run { client in
            let response = try await client.call("/api/decisions", .post, headers: Self.bearer(token), body: Decisions.register("newcomer", name: "Newcomer Institute"))
            #expect(response.status == .created, "\(response.text)")
            #expect(response.json?["first"] == .integer(before + 1))
            #expect(response.headers[.eTag] == "\"\(before + 1)\"")
            let entity = try await client.call("/api/entities/newcomer?at=2020-02-07")
            #expect(entity.json?["name"] == .string("Newcomer Institute"))
            let page = try await client.call("/?at=2020-02-07")
            #expect(page.text.contains("Newcomer Institute"))
        }
        let event = try #require(try EventStore(path: server.database).events(from: before + 1).first)
        #expect(event.recordedBy == "alice")
    }

    @Test func writesWithoutARecordersTokenAreRefusedAndWriteNothing() async throws {
        let server = try TestServer.make()
        let auditor = try server.tokens.add(name: "ann", role: .auditor)
        let recorder = try server.tokens.add(name: "rob", role: .recorder)
        try server.tokens.revoke(name: "rob")
        let before = try server.head()
        try await server.run { client in
            let cases: [(HTTPFields, HTTPResponse.Status)] = [
                (Self.json, .unauthorized),
                (Self.bearer("carnot_wrong"), .unauthorized),
                (Self.bearer(recorder), .unauthorized),
                ([.contentType: "application/json", .authorization: "Basic YTpi"], .unauthorized),
                (Self.bearer(auditor), .forbidden),
            ]
            for (headers, status) in cases {
                let response = try await client.call("/api/decisions", .post, headers: headers, body: Decisions.register("newcomer"))
                #expect(response.status == status, "\(headers)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.json?["field"] == .string("Authorization"))
            }
        }
        #expect(try server.head() == before)
    }

    @Test func hostileBodiesGetTheirStatusAndWriteNothing() async throws {
        let server = try TestServer.make()
        let token = try server.tokens.add(name: "alice", role: .recorder)
        let before = try server.head()
        try await server.run { client in
            let huge = "{\"events\": [" + String(repeating: " ", count: ServerSettings.maximumBodyBytes) + "]}"
            let cases: [(HTTPFields, String, HTTPResponse.Status, String?)] = [
                (Self.bearer(token), "{\"events\": [", .badRequest, "body"),
                (Self.bearer(token), "[]", .badRequest, nil),
                (Self.bearer(token), "{\"events\": []}", .badRequest, nil),
                (Self.bearer(token), huge, .contentTooLarge, "body"),
                (Self.bearer(token, [.contentType: "text/plain"]), Decisions.register("newcomer"), .unsupportedMediaType, "Content-Type"),
                (Self.bearer(token, [.ifMatch: "soon"]), Decisions.register("newcomer"), .badRequest, "If-Match"),
                (Self.bearer(token), Decisions.register("tsn"), .badRequest, nil),
                (Self.bearer(token), Decisions.register("newcomer").replacingOccurrences(of: "\"source\": \"test\"", with: "\"source\": \"test\", \"recordedBy\": \"mallory\""), .badRequest, "events[0].recordedBy"),
                (Self.bearer(token), Decisions.register("newcomer").replacingOccurrences(of: "2020-02-07", with: "2020-02-30"), .badRequest, nil),
            ]
            for (headers, body, status, field) in cases {
                let response = try await client.call("/api/decisions", .post, headers: headers, body: body)
                #expect(response.status == status, "\(body.prefix(80)): \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
                if let field { #expect(response.json?["field"] == .string(field), "\(response.text)") }
                #expect(response.json?["detail"] != nil)
            }
        }
        #expect(try server.head() == before)
    }

    @Test func ifMatchGuardsTheHeadAndIdempotencyKeysReplay() async throws {
        let server = try TestServer.make()
        let token = try server.tokens.add(name: "alice", role: .recorder)
        let head = try server.head().seq
        try await server.run { client in
            let stale = try await client.call("/api/decisions", .post, headers: Self.bearer(token, [.ifMatch: "\"\(head - 1)\""]), body: Decisions.register("newcomer"))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.json?["field"] == .string("If-Match"))
            let key = HTTPField.Name("Idempotency-Key")!
            let first = try await client.call("/api/decisions", .post, headers: Self.bearer(token, [.ifMatch: "\(head)", key: "k-1"]), body: Decisions.register("newcomer"))
            #expect(first.status == .created)
            let retry = try await client.call("/api/decisions", .post, headers: Self.bearer(token, [key: "k-1"]), body: Decisions.register("newcomer"))
            #expect(retry.status == .ok)
            #expect(retry.json?["first"] == first.json?["first"])
            #expect(retry.json?["replayed"] == .bool(true))
            let reused = try await client.call("/api/decisions", .post, headers: Self.bearer(token, [key: "k-1"]), body: Decisions.register("other"))
            #expect(reused.status == .conflict)
        }
        #expect(try server.head().seq == head + 1)
    }

    @Test func concurrentWritersKeepOneGaplessChainAndReadersSeeWholeDecisions() async throws {
        let server = try TestServer.make(bundled: false)
        let token = try server.tokens.add(name: "alice", role: .recorder)
        let writers = 24
        try await server.run { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<writers {
                    group.addTask { try await client.connection { client in
                        if index % 2 == 0 {
                            let response = try await client.call("/api/decisions", .post, headers: Self.bearer(token), body: Decisions.pair("w\(index)"))
                            #expect(response.status == .created)
                        } else {
                            // With If-Match: read the head, write against it, retry on 412.
                            while true {
                                let head = try await client.call("/api/head").json?["seq"]
                                guard case .integer(let seq)? = head else { Issue.record("no head"); return }
                                let response = try await client.call("/api/decisions", .post, headers: Self.bearer(token, [.ifMatch: "\(seq)"]), body: Decisions.pair("w\(index)"))
                                if response.status == .created { return }
                                #expect(response.status == .preconditionFailed)
                            }
                        }
                    } }
                }
                for _ in 0..<12 {
                    group.addTask { try await client.connection { client in
                        let state = try await client.call("/api/state?at=2022-01-01").json
                        guard case .array(let consortia)? = state?["consortia"], case .integer(let seq)? = state?["head"]?["seq"] else {
                            Issue.record("no state"); return
                        }
                        // Each decision writes one person and one consortium: a reader never sees half of one.
                        #expect(seq % 2 == 0)
                        #expect(Int64(consortia.count) * 2 == seq)
                    } }
                }
                try await group.waitForAll()
            }
        }
        let store = try EventStore(path: server.database)
        #expect(try store.head().seq == Int64(writers * 2))
        #expect(try store.verify().isValid)
        #expect(try store.events().map(\.seq) == Array(1...Int64(writers * 2)))
    }
}
