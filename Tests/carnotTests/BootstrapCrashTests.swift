import CarnotRegistry
import Foundation
import Testing

/// The default store is created whole or not at all: a kill at any moment of the first-use bootstrap
/// leaves either no store (the next command builds it) or the complete bundled log, never an empty or
/// partial store, and a later bootstrap clears what the killed one left.
@Suite struct BootstrapCrashTests {
    @Test func killingTheFirstUseBootstrapNeverLeavesAnEmptyOrPartialStore() throws {
        let events = try #require(BundledHistory.folder())
        let published = try String(contentsOfFile: events + "/recorded-2026.ndjson", encoding: .utf8)
            .split(separator: "\n").count
        var rng = SeededGenerator(seed: 11)
        var killedBeforeTheLink = 0
        for _ in 0..<10 {
            let cli = try CLI()
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["head"]
            process.currentDirectoryURL = cli.folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...250_000, using: &rng))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let store = cli.folder.appendingPathComponent(".carnot/registry.sqlite").path
            if !FileManager.default.fileExists(atPath: store) { killedBeforeTheLink += 1 }
            // Either way the next command answers from the complete bundled log.
            let head = try cli.run(["head"], withDB: false)
            #expect(head.status == 0, "\(head.stderr)")
            #expect(head.stdout.hasPrefix("\(published):"))
            let left = try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent(".carnot").path)
            #expect(!left.contains { $0.contains(".bootstrap-") }, "\(left)")
        }
        #expect(killedBeforeTheLink > 0)
    }
}

/// `export` publishes the whole log or nothing: a kill at any moment never leaves a partial log that a later
/// `import` would take as a prefix of the published one.
@Suite struct ExportCrashTests {
    @Test func killingAnExportNeverLeavesAPartialLog() throws {
        let cli = try CLI()
        #expect(try cli.run(["import", try #require(BundledHistory.folder())]).status == 0)
        let head = try cli.run(["head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var rng = SeededGenerator(seed: 12)
        for attempt in 0..<10 {
            let out = cli.folder.appendingPathComponent("published-\(attempt)").path
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["export", "--out", out, "--db", cli.db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...120_000, using: &rng))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { $0.hasSuffix(".ndjson") }
            guard !files.isEmpty else { continue }
            // Whatever is there is the whole log: it imports to the same head.
            let check = try CLI()
            let imported = try check.run(["import", out, "--expect-head", head])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(try check.run(["head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == head)
        }
    }
}
