import Foundation
import Testing

/// `import` into a store that does not exist builds it under a private name and links it into place when
/// whole (`StagedStore`): the store is a WAL store like any other, verifies, and a refused import leaves no
/// file at all.
@Suite struct StagedImportCLITests {
    static func generated(_ cli: CLI) throws -> (path: String, lines: [Substring]) {
        let path = cli.folder.appendingPathComponent("log.ndjson").path
        let generated = try cli.run(["generate", "--events", "400", "--institutes", "6", "--seed", "3", "--out", path], withDB: false)
        #expect(generated.status == 0, "\(generated.stderr)")
        let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        return (path, text.split(separator: "\n"))
    }

    static func storeFiles(_ cli: CLI) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasPrefix("registry.sqlite") }.sorted()
    }

    @Test func anImportIntoANewStoreLinksAWholeWALStoreThatVerifiesAsAnImportIntoAnExistingOne() throws {
        let cli = try CLI()
        let (path, lines) = try Self.generated(cli)
        let half = try cli.write("half.ndjson", lines.prefix(150).joined(separator: "\n") + "\n")

        let imported = try cli.run(["import", path])

        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 400 events (0 already present)"))
        #expect(try Self.storeFiles(cli) == ["registry.sqlite"])
        // Bytes 18 and 19 of the header are 2 in a WAL database.
        let header = try #require(FileManager.default.contents(atPath: cli.db)).prefix(20)
        #expect(header[18] == 2 && header[19] == 2)
        #expect(try cli.run(["verify"]).status == 0)
        // The same log imported in two steps, the second into the existing store (through the WAL).
        let other = try CLI()
        #expect(try other.run(["import", half]).status == 0)
        #expect(try other.run(["import", path]).stdout.contains("imported 250 events (150 already present)"))
        #expect(try other.run(["verify"]).status == 0)
        #expect(try other.run(["head"]).stdout == cli.run(["head"]).stdout)
        #expect(try other.run(["state", "--at", "2020-02-07", "--format", "json"]).stdout == cli.run(["state", "--at", "2020-02-07", "--format", "json"]).stdout)
    }

    @Test func aRefusedImportIntoANewStoreLeavesNoFileAndAKilledOnesFilesAreRemoved() throws {
        let cli = try CLI()
        let (path, lines) = try Self.generated(cli)
        var altered = lines
        altered[390] = Substring(lines[390].replacingOccurrences(of: "\"source\":\"", with: "\"source\":\"x"))
        let bad = try cli.write("bad.ndjson", altered.joined(separator: "\n") + "\n")
        // What an import killed before its link leaves, by a process that no longer runs.
        let abandoned = cli.folder.appendingPathComponent("registry.sqlite.importing-2147483646-7").path
        #expect(FileManager.default.createFile(atPath: abandoned, contents: Data("partial".utf8)))

        let refused = try cli.run(["import", bad])

        #expect(refused.status == 66, "\(refused.stderr)")
        #expect(refused.stderr.contains("bad.ndjson:391:"))
        #expect(try Self.storeFiles(cli).isEmpty)
        #expect(try cli.run(["import", path]).status == 0)
        #expect(try Self.storeFiles(cli) == ["registry.sqlite"])
    }

    @Test func aDanglingSymbolicLinkAsTheStoreCreatesItsTarget() throws {
        let cli = try CLI()
        let (path, _) = try Self.generated(cli)
        let target = cli.folder.appendingPathComponent("target.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: cli.db, withDestinationPath: target)

        let imported = try cli.run(["import", path])

        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: target))
        #expect(try cli.run(["head"]).stdout.hasPrefix("400:"))
    }
}
