import Foundation
import Testing

/// Hostile command options: each gets a clear error naming what is wrong, a non-zero exit code, and leaves
/// the store file byte for byte as it was.
@Suite struct HostileOptionsTests {
    static let cases: [(arguments: [String], status: Int32, mentions: String)] = [
        (["register-person", "x", "--name", "X", "--effective", "2019-02-30", "--source", "s"], 64, "effective"),
        (["register-person", "x", "--name", "X", "--effective", "0000-01-01", "--source", "s"], 64, "effective"),
        (["register-person", "x'); DROP TABLE events;--", "--name", "X", "--effective", "2020", "--source", "s"], 64, "id"),
        (["register-person", "x", "--name", String(repeating: "n", count: 100_000), "--effective", "2020", "--source", "s"], 64, "name"),
        (["register-person", "x", "--name", "bell\u{7}", "--effective", "2020", "--source", "s"], 64, "control characters"),
        (["register-person", "x", "--name", " ", "--effective", "2020", "--source", "s"], 64, "must not be empty"),
        (["grant", "seed", "--kind", "gold", "--call", "c", "--from", "2020", "--until", "2024", "--effective", "2020", "--source", "s"], 64, "kind"),
        (["appoint", "seed", "--office", "emperor", "--effective", "2020", "--source", "s"], 64, "office"),
        (["state", "--at", "2020-13-01"], 64, "at"),
        (["state", "--at", "2020", "--upto", "-3"], 64, "upto"),
        (["state", "--at", "2020", "--known-at", "2026-11-21T+1:00:00Z"], 64, "known-at"),
        (["retract", "999", "--reason", "r", "--effective", "2020", "--source", "s"], 64, "no event at this position"),
        (["verify", "--head", "abc"], 64, "SEQ:HASH"),
        (["announce-results", "c", "--labelled", "-5", "--effective", "2020", "--source", "s"], 64, "labelled"),
        (["no-such-command"], 64, "is not a carnot command"),
    ]

    @Test(arguments: cases.indices)
    func aHostileOptionIsRefusedClearlyAndWritesNothing(index: Int) throws {
        let (arguments, status, mentions) = Self.cases[index]
        let cli = try CLI()
        #expect(try cli.run(["register-person", "seed", "--name", "Seed", "--effective", "2020", "--source", "s"]).status == 0)
        let before = cli.storeBytes()
        let result = try cli.run(arguments)
        #expect(result.status == status, "\(arguments.prefix(3)): \(result.stderr)")
        #expect(result.stderr.localizedCaseInsensitiveContains(mentions), "\(result.stderr)")
        #expect(cli.storeBytes() == before)
    }

    @Test func anAlteredPublishedLogIsRefusedWithItsLineAndNothingIsImported() throws {
        let source = try CLI()
        for id in ["a", "b", "c"] {
            #expect(try source.run(["register-person", id, "--name", "Person \(id)", "--effective", "2020", "--source", "s"]).status == 0)
        }
        let lines = try source.run(["log", "--format", "json"]).stdout
        let altered = try source.write("altered.ndjson", lines.replacingOccurrences(of: "Person b", with: "Person B"))
        let target = try CLI()
        let result = try target.run(["import", altered])
        #expect(result.status == 66)
        #expect(result.stderr.contains("altered.ndjson:2"))
        // The refused import created no store: a read of it says so rather than answering from an empty one.
        let head = try target.run(["head"])
        #expect(head.status == 66)
        #expect(head.stderr.contains("no store at"))
        let garbage = try source.write("garbage.ndjson", "{\"seq\": 1, \"seq\": 2}\n")
        let refused = try target.run(["import", garbage])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("garbage.ndjson:1"))
    }
}
