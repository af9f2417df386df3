import Foundation
import Testing

/// `carnot generate` as a user runs it: the same options write the same log, which imports; bad options
/// are refused with the option named, exit 64, and no file written.
@Suite struct GenerateCommandTests {
    @Test func theSameSeedWritesTheSameLogAndItImports() throws {
        let cli = try CLI()
        let first = cli.folder.appendingPathComponent("first.ndjson").path
        let second = cli.folder.appendingPathComponent("second.ndjson").path
        let options = ["generate", "--events", "1500", "--institutes", "20", "--seed", "7"]
        let written = try cli.run(options + ["--out", first], withDB: false)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("1500 events"))
        #expect(try cli.run(options + ["--out", second], withDB: false).status == 0)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))

        let imported = try cli.run(["import", first])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try cli.run(["head"]).stdout.hasPrefix("1500:"))
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test(arguments: [
        (["--events", "0", "--institutes", "5", "--seed", "1"], "--events"),
        (["--events", "10", "--institutes", "0", "--seed", "1"], "--institutes"),
        (["--events", "ten", "--institutes", "5", "--seed", "1"], "--events"),
    ])
    func badOptionsAreRefusedAndWriteNothing(options: [String], naming: String) throws {
        let cli = try CLI()
        let out = cli.folder.appendingPathComponent("log.ndjson").path
        let result = try cli.run(["generate"] + options + ["--out", out], withDB: false)
        #expect(result.status == 64)
        #expect(result.stderr.contains(naming))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anExistingFileIsKeptUnlessForced() throws {
        let cli = try CLI()
        let out = cli.folder.appendingPathComponent("log.ndjson").path
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: out))
        let options = ["generate", "--events", "100", "--institutes", "2", "--seed", "1", "--out", out]
        let refused = try cli.run(options, withDB: false)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--force"))
        #expect(FileManager.default.contents(atPath: out) == Data("keep me\n".utf8))
        #expect(try cli.run(options + ["--force"], withDB: false).status == 0)
        #expect(FileManager.default.contents(atPath: out) != Data("keep me\n".utf8))
    }
}
