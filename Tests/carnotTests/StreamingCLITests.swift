import Foundation
import Testing

/// `import`, `export`, `snapshot` and `audit` stream logs larger than the reader's one-megabyte buffer: a bad
/// line near the end still leaves the store untouched, and what is written is what the whole-log commands
/// wrote.
@Suite struct StreamingCLITests {
    /// A generated log of more than a megabyte, and its lines.
    static func generated(_ cli: CLI) throws -> (path: String, lines: [Substring]) {
        let path = cli.folder.appendingPathComponent("log.ndjson").path
        let generated = try cli.run(["generate", "--events", "3500", "--institutes", "12", "--seed", "5", "--out", path], withDB: false)
        #expect(generated.status == 0, "\(generated.stderr)")
        let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        #expect(text.utf8.count > 1 << 20, "the log is larger than the reader's buffer")
        return (path, text.split(separator: "\n"))
    }

    @Test func aBadLineNearTheEndOfALargeLogImportsNothing() throws {
        let cli = try CLI()
        let (path, lines) = try Self.generated(cli)
        var altered = lines
        altered[3_489] = Substring(lines[3_489].replacingOccurrences(of: "\"source\":\"", with: "\"source\":\"x"))
        let bad = try cli.write("bad.ndjson", altered.joined(separator: "\n") + "\n")

        let refused = try cli.run(["import", bad])

        #expect(refused.status == 66, "\(refused.stderr)")
        #expect(refused.stderr.contains("bad.ndjson:3490:"))
        let imported = try cli.run(["import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 3500 events (0 already present)"))
    }

    @Test func anExportOfAnImportedLogGivesItsBytesBackAndAnAuditReplaysItsSnapshot() throws {
        let cli = try CLI()
        let (path, _) = try Self.generated(cli)
        #expect(try cli.run(["import", path]).status == 0)

        try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent("snapshots"), withIntermediateDirectories: true)
        let exported = try cli.run(["export", "--out", "published"])
        let snapshot = try cli.run(["snapshot", "--at", "2020-02-07", "--upto", "3000", "--out", "snapshots/2020.json"])
        let audit = try cli.run(["audit", "--events", "published", "--snapshots", "snapshots"], withDB: false)

        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("exported 3500 events"))
        let folder = cli.folder.appendingPathComponent("published").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count > 1)
        let joined = try files.reduce(Data()) { bytes, file in
            bytes + (try #require(FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(file))))
        }
        #expect(joined == FileManager.default.contents(atPath: path))
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        #expect(snapshot.stdout.contains("at head 3000"))
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
        #expect(audit.stdout.contains("replayed 3500 events"))
    }
}
