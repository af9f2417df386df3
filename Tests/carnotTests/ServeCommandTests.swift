import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `carnot serve` and `carnot token` as a user runs them: the built binary, real HTTP, a signal to stop.
@Suite struct ServeCommandTests {
    static func request(_ url: String, method: String = "GET", token: String? = nil, body: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }

    @Test func aRecorderWritesOverHTTPAndTheWriteOutlivesSIGTERM() async throws {
        let cli = try CLI()
        let tokens = cli.folder.appendingPathComponent("tokens.json").path
        let added = try cli.run(["token", "add", "alice", "--role", "recorder", "--tokens", tokens], withDB: false)
        #expect(added.status == 0)
        let token = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("carnot_"))
        let mode = try FileManager.default.attributesOfItem(atPath: tokens)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!(try String(contentsOfFile: tokens, encoding: .utf8)).contains(token))
        #expect(try cli.run(["token", "add", "alice", "--role", "auditor", "--tokens", tokens], withDB: false).status == 64)

        let server = try ChildProcess(["serve", "--db", cli.db, "--port", "0", "--tokens", tokens])
        let banner = try #require(server.readLine())
        let port = try #require(banner.split(separator: ":").last?.split(separator: "/").first.map(String.init))
        let base = "http://127.0.0.1:\(port)"
        let decision = """
        {"events": [{"type": "institute.registered", "effective": "2020-02-07", "source": "test",
          "payload": {"institute": "mers", "name": "MERS", "homeInstitutions": ["Ifremer"]}}]}
        """
        let anonymous = try await Self.request("\(base)/api/decisions", method: "POST", body: decision)
        #expect(anonymous.0 == 401)
        let recorded = try await Self.request("\(base)/api/decisions", method: "POST", token: token, body: decision)
        #expect(recorded.0 == 201, "\(recorded.1)")
        #expect(try cli.run(["token", "revoke", "alice", "--tokens", tokens], withDB: false).status == 0)
        let replayed = try await Self.request("\(base)/api/decisions", method: "POST", token: token, body: decision.replacingOccurrences(of: "mers", with: "other"))
        #expect(replayed.0 == 401)
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.finish().status == 0)
        let head = try cli.run(["head"])
        #expect(head.stdout.hasPrefix("1:"))
        let history = try cli.run(["history", "mers", "--format", "json"])
        #expect(history.stdout.contains("\"recordedBy\":\"alice\""))
    }

    /// A store served with --read-only answers reads and refuses every write with 403 "read-only", even with
    /// a recorder's token; the file is not written. It refused to start before.
    @Test func aReadOnlyServerAnswersReadsAndRefusesWrites() async throws {
        let cli = try CLI()
        #expect(try cli.run(["register-institute", "mers", "--name", "MERS", "--home", "Ifremer",
                             "--effective", "2020-02-07", "--source", "test"]).status == 0)
        let tokens = cli.folder.appendingPathComponent("tokens.json").path
        let token = try cli.run(["token", "add", "alice", "--role", "recorder", "--tokens", tokens], withDB: false)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try #require(cli.storeBytes())

        let server = try ChildProcess(["serve", "--db", cli.db, "--read-only", "--port", "0", "--tokens", tokens])
        let banner = try #require(server.readLine())
        #expect(banner.contains("read-only"), "\(banner)")
        let port = try #require(banner.split(separator: ":").last?.split(separator: "/").first.map(String.init))
        let base = "http://127.0.0.1:\(port)"
        let state = try await Self.request("\(base)/api/state?at=2020-02-07")
        #expect(state.0 == 200)
        #expect(state.1.contains("MERS"))
        let decision = """
        {"events": [{"type": "institute.registered", "effective": "2020-02-07", "source": "test",
          "payload": {"institute": "other", "name": "Other", "homeInstitutions": ["Ifremer"]}}]}
        """
        let refused = try await Self.request("\(base)/api/decisions", method: "POST", token: token, body: decision)
        #expect(refused.0 == 403, "\(refused.1)")
        #expect(refused.1.contains("read-only"))
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.finish().status == 0)
        #expect(cli.storeBytes() == before)
        #expect(try cli.run(["head"]).stdout.hasPrefix("1:"))
    }
}
