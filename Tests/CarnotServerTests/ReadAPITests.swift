import CarnotRegistry
import CarnotServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct ReadAPITests {
    @Test func stateOnADayIsTheCLIsDocument() async throws {
        let server = try TestServer.make()
        let local = try EventStore(path: server.database)
        let head = try local.head()
        let expected = CanonicalJSON.string(StateDocument.answer(try local.state(at: Day(year: 2020, month: 2, day: 7)!), at: Day(year: 2020, month: 2, day: 7)!, head: head)) + "\n"
        try await server.run { client in
            let response = try await client.call("/api/state?at=2020-02-07")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.text == expected)
            #expect(response.headers[.cacheControl] == "no-cache")
            #expect(response.text.contains("\"id\":\"tsn\""))
        }
    }

    @Test func answersAtAFixedPositionAreImmutableAndRevalidate() async throws {
        let server = try TestServer.make()
        try await server.run { client in
            let first = try await client.call("/api/state?at=2016-07-06&upto=40")
            #expect(first.status == .ok)
            #expect(first.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let tag = try #require(first.headers[.eTag])
            #expect(first.json?["head"]?["seq"] == .integer(40))
            let again = try await client.call("/api/state?at=2016-07-06&upto=40", headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            let other = try await client.call("/api/state?at=2016-07-07&upto=40")
            #expect(other.headers[.eTag] != tag)
        }
    }

    @Test func badInputIsAProblemDocumentNamingTheField() async throws {
        let server = try TestServer.make()
        try await server.run { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("/api/state?at=2020-13-01", .badRequest, "at"),
                ("/api/state", .badRequest, "at"),
                ("/api/state?at=2020-02-07&upto=-1", .badRequest, "upto"),
                ("/api/state?at=2020-02-07&upto=999999999", .badRequest, "upto"),
                ("/api/state?at=2020-02-07&upto=3&knownAt=2026-01-01", .badRequest, "knownAt"),
                ("/api/state?at=2020-02-07&knownAt=yesterday", .badRequest, "knownAt"),
                ("/api/entities/NOT%20AN%20ID?at=2020-02-07", .badRequest, "id"),
                ("/api/entities/no-such-thing?at=2020-02-07", .notFound, "id"),
                ("/api/entities/no-such-thing/history", .notFound, "id"),
                ("/api/entities/tsn/explain?at=1999-01-01", .notFound, "id"),
                ("/api/diff?from=2020-01-01&to=2010-01-01", .badRequest, "from"),
                ("/api/log?since=-4", .badRequest, "since"),
                ("/api/log?limit=0", .badRequest, "limit"),
                ("/api/search?q=", .badRequest, "q"),
            ]
            for (uri, status, field) in cases {
                let response = try await client.call(uri)
                #expect(response.status == status, "\(uri)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                #expect(response.json?["status"] == .integer(Int64(status.code)), "\(uri)")
                #expect(response.json?["field"] == .string(field), "\(uri): \(response.text)")
            }
            let unknown = try await client.call("/api/nothing-here")
            #expect(unknown.status == .notFound)
            #expect(unknown.json?["type"] == .string("/problems/no-such-route"))
        }
    }

    @Test func everyReadDocumentAnswers() async throws {
        let server = try TestServer.make()
        try await server.run { client in
            let head = try await client.call("/api/head")
            #expect(head.json?["seq"] == .integer(try server.head().seq))
            let entity = try await client.call("/api/entities/tsn?at=2020-02-07")
            #expect(entity.json?["id"] == .string("tsn"))
            let history = try await client.call("/api/entities/tsn/history")
            #expect(history.headers[.contentType] == "application/x-ndjson")
            #expect(history.text.split(separator: "\n").allSatisfy { $0.contains("\"tsn\"") })
            let explain = try await client.call("/api/entities/tsn/explain?at=2020-02-07")
            #expect(explain.json?["id"] == .string("tsn"))
            let diff = try await client.call("/api/diff?from=2011-04-28&to=2016-07-06")
            #expect(diff.json?["changes"] != nil)
            let verify = try await client.call("/api/verify")
            #expect(verify.json?["valid"] == .bool(true))
            let completeness = try await client.call("/api/completeness")
            #expect(completeness.text.contains("\"call\":\"carnot-1\""))
            let snapshot = try await client.call("/api/snapshot?at=2020-02-07")
            #expect(snapshot.json?["at"] == .string("2020-02-07"))
            let search = try await client.call("/api/search?q=telecom%20societe")
            #expect(search.text.contains("\"id\":\"tsn\""))
            let audit = try await client.call("/api/audit")
            #expect(audit.json?["verify"]?["valid"] == .bool(true), "\(audit.status) \(audit.text.prefix(300))")
            #expect(!audit.text.contains("\"matches\":false"))
        }
    }

    @Test func theLogIsPagedBySince() async throws {
        let server = try TestServer.make()
        let total = try server.head().seq
        try await server.run { client in
            let page = try await client.call("/api/log?since=10&limit=5")
            let lines = page.text.split(separator: "\n")
            #expect(lines.count == 5)
            #expect(lines.first?.contains("\"seq\":11") == true)
            #expect(page.headers[HTTPField.Name("Link")!] == "</api/log?since=15&limit=5>; rel=\"next\"")
            #expect(page.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let last = try await client.call("/api/log?since=\(total - 2)&limit=5")
            #expect(last.text.split(separator: "\n").count == 2)
            #expect(last.headers[HTTPField.Name("Link")!] == nil)
        }
    }

    @Test func anEntitysHistoryIsPagedBySinceAndLimitAsTheCLIPagesIt() async throws {
        let server = try TestServer.make()
        try await server.run { client in
            let whole = try await client.call("/api/entities/tsn/history").text.split(separator: "\n")
            #expect(whole.count > 4)
            let first = try await client.call("/api/entities/tsn/history?limit=2").text.split(separator: "\n")
            #expect(first == Array(whole.prefix(2)))
            guard case .integer(let since)? = try JSONParser.parse(Array(first[1].utf8))["seq"] else {
                Issue.record("no seq in \(first[1])")
                return
            }
            let rest = try await client.call("/api/entities/tsn/history?since=\(since)").text.split(separator: "\n")
            #expect(first + rest == whole)
            let past = try await client.call("/api/entities/tsn/history?since=\(try server.head().seq)")
            #expect(past.status == .ok)
            #expect(past.text.isEmpty)
            let refused = try await client.call("/api/entities/tsn/history?limit=0")
            #expect(refused.status == .badRequest)
            #expect(refused.json?["field"] == .string("limit"))
        }
    }

    @Test func aServerRequiringTokensRefusesAnonymousReads() async throws {
        let server = try TestServer.make(requireToken: true)
        let token = try server.tokens.add(name: "ann", role: .auditor)
        try await server.run { client in
            let anonymous = try await client.call("/api/head")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer realm=\"carnot\"")
            let auditor = try await client.call("/api/head", headers: [.authorization: "Bearer \(token)"])
            #expect(auditor.status == .ok)
            let openapi = try await client.call("/openapi.json")
            #expect(openapi.status == .ok)
        }
    }
}
