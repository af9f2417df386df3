import Foundation
import Testing

/// Running out of memory under `ulimit -v` is a clear error (exit 1, a message naming the limit and the fix),
/// never an abort, and it leaves the store as it was.
///
/// The limits are set relative to the smallest one carnot starts with (`LimitedRun.minimumKiB`, measured on
/// the binary under test), since the address space of the loaded program differs between debug and release
/// builds and between machines; the margins below are several megabytes wide either way.
@Suite struct MemoryLimitTests {
    /// A generated log of 300 events.
    static func log(_ cli: CLI) throws -> String {
        let log = cli.folder.appendingPathComponent("log.ndjson").path
        let generated = try cli.run(["generate", "--events", "300", "--institutes", "5", "--seed", "7", "--out", log], withDB: false)
        #expect(generated.status == 0, "\(generated.stderr)")
        return log
    }

    /// A store holding a generated log of 300 events, that log, and the store's head.
    static func store(_ cli: CLI) throws -> (log: String, head: String) {
        let log = try Self.log(cli)
        let imported = try cli.run(["import", log])
        #expect(imported.status == 0, "\(imported.stderr)")
        return (log, try cli.run(["head"]).stdout)
    }

    /// `log` again, then a 15 MB line: reading it needs a 15 MB buffer, beyond the 12 MB the limits below leave.
    static func longLine(after log: String, in cli: CLI) throws -> String {
        var bytes = try #require(FileManager.default.contents(atPath: log))
        bytes.append(Data(repeating: UInt8(ascii: "x"), count: 15_000_000))
        let long = cli.folder.appendingPathComponent("long.ndjson").path
        try bytes.write(to: URL(fileURLWithPath: long))
        return long
    }

    @Test func anImportIntoANewStoreThatRunsOutOfMemoryLeavesNoStore() throws {
        let minimum = try LimitedRun.minimumKiB.get()
        let cli = try CLI()
        let long = try Self.longLine(after: try Self.log(cli), in: cli)

        let stopped = try LimitedRun.run(["import", long, "--db", cli.db], limitKiB: minimum + 8_192, in: cli.folder)

        #expect(stopped.status == 1, "\(stopped.stderr)")
        #expect(!stopped.signaled, "an exit, not an abort: \(stopped.stderr)")
        #expect(stopped.stderr.contains("error: out of memory"), "\(stopped.stderr)")
        for suffix in ["", "-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: cli.db + suffix), "the store this import created is removed")
        }
    }

    @Test func aLimitBelowWhatCarnotNeedsToStartIsRefusedAtOnceNamingTheMinimum() throws {
        let minimum = try LimitedRun.minimumKiB.get()
        let cli = try CLI()
        let log = try Self.log(cli)

        // A megabyte under the minimum: the program is loaded (the minimum is 4 MB above that), no command runs.
        let refused = try LimitedRun.run(["import", log, "--db", cli.db], limitKiB: minimum - 1_024, in: cli.folder)

        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(!refused.signaled)
        #expect(refused.stderr.contains("`ulimit -v` is \(minimum - 1_024) KB"), "\(refused.stderr)")
        // The minimum it names is what it maps at start plus its room, measured in that process: the
        // arguments and environment make it differ by some kilobytes from the bisected `--version` minimum.
        let named = refused.stderr.split(separator: "needs at least ").dropFirst().first
            .flatMap { Int64($0.prefix { $0.isNumber }) }
        #expect(named.map { $0 > Int64(minimum) - 1_024 && abs($0 - Int64(minimum)) <= 512 } == true,
                "names a minimum above the limit, near \(minimum) KB: \(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.db), "nothing was written, not even a new store")
    }

    @Test func aLogLineLargerThanTheMemoryLeftStopsTheImportWithExitOneAndTheStoreUnchanged() throws {
        let minimum = try LimitedRun.minimumKiB.get()
        let cli = try CLI()
        let (log, head) = try Self.store(cli)
        let long = try Self.longLine(after: log, in: cli)
        let unlimited = try cli.run(["import", long])
        #expect(unlimited.status == 64, "without a limit the line is read and refused as malformed: \(unlimited.stderr)")

        let limit = minimum + 8_192
        let stopped = try LimitedRun.run(["import", long, "--db", cli.db], limitKiB: limit, in: cli.folder)

        #expect(stopped.status == 1, "\(stopped.stderr)")
        #expect(!stopped.signaled, "an exit, not an abort: \(stopped.stderr)")
        #expect(stopped.stderr.contains("error: out of memory"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("`ulimit -v \(limit)`"))
        #expect(stopped.stderr.contains("a stopped import leaves the store as it was"))
        #expect(try cli.run(["head"]).stdout == head)
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test func aDecisionFileLargerThanTheCapIsRefusedWithoutBeingReadWhole() throws {
        let minimum = try LimitedRun.minimumKiB.get()
        let cli = try CLI()
        // A gigabyte (sparse: no disk is written), far beyond the 48 MB the limit leaves for reading it.
        let big = cli.folder.appendingPathComponent("decision.json")
        try #require(FileManager.default.createFile(atPath: big.path, contents: Data("{\"events\": [".utf8)))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()

        let refused = try LimitedRun.run(["record", "--file", big.path, "--db", cli.db], limitKiB: minimum + 49_152, in: cli.folder)

        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(!refused.signaled)
        #expect(refused.stderr.contains("larger than 16 MiB, the most a decision file may hold"), "\(refused.stderr)")
    }
}
