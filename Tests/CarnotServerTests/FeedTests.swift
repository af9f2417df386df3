import CarnotRegistry
import CarnotServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct FeedTests {
    @Test func theFeedResumesAfterLastEventIDAndFollowsNewAppends() async throws {
        let server = try TestServer.make()
        let token = try server.tokens.add(name: "alice", role: .recorder)
        let head = try server.head().seq
        try await server.run { client in
            let backlog = try await client.call("/api/feed?max=2", headers: [HTTPField.Name("Last-Event-ID")!: "\(head - 2)"])
            #expect(backlog.headers[.contentType] == "text/event-stream")
            #expect(backlog.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { $0.split(separator: "\n").first.map(String.init) }
                    == ["id: \(head - 1)", "id: \(head)"])
            // A follower waiting at the head receives the two events of the next decision.
            async let followed = client.connection { try await $0.call("/api/feed?since=\(head)&max=2") }
            // Whether the follower subscribes before or after this append, it sends both events: it reads
            // the store after subscribing, then on each notification.
            let response = try await client.call("/api/decisions", .post,
                                                 headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                                                 body: Decisions.pair("feed"))
            #expect(response.status == .created)
            let text = try await followed.text
            #expect(text.contains("id: \(head + 1)\nevent: person.registered\ndata: {"))
            #expect(text.contains("id: \(head + 2)\nevent: consortium.formed\n"))
        }
    }
}
