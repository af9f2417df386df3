import Foundation

/// A scratch folder holding a copy of the bundled history as the default store (`.carnot/registry.sqlite`),
/// with `Events/` and `Snapshots/` beside it: what a user has after cloning the repository.
struct Scratch {
    let folder: URL

    /// The repository's root, from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A store imported from the bundled `Events/` once per test run, copied into each scratch folder.
    static let bundledStore: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("carnot-bundled-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = folder.appendingPathComponent("bundled.sqlite")
        _ = try? Scratch.run(CLI.binary.path, ["import", repository.appendingPathComponent("Events").path, "--db", store.path], in: folder)
        return store
    }()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("carnot-scratch-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent(".carnot"), withIntermediateDirectories: true)
        try manager.copyItem(at: Self.bundledStore, to: folder.appendingPathComponent(".carnot/registry.sqlite"))
        for name in ["Events", "Snapshots"] {
            try manager.createSymbolicLink(at: folder.appendingPathComponent(name), withDestinationURL: Self.repository.appendingPathComponent(name))
        }
    }

    var db: String { folder.appendingPathComponent(".carnot/registry.sqlite").path }

    /// Runs `carnot` with `arguments` in the scratch folder (on its default store unless they say `--db`).
    @discardableResult
    /// The position the next event recorded in this scratch store takes (the bundled log grows over time).
    func nextSeq() throws -> Int64 {
        let head = try carnot(["head"]).stdout
        return (Int64(head.prefix { $0 != ":" }) ?? 0) + 1
    }

    func carnot(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> CLI.Result {
        try Self.run(CLI.binary.path, arguments, in: folder, environment: environment, stdin: stdin)
    }

    /// Runs a command line as pasted into a shell, with the built `carnot` first on the PATH.
    func shell(_ line: String, environment: [String: String] = [:]) throws -> CLI.Result {
        let path = CLI.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try Self.run("/bin/sh", ["-c", line], in: folder, environment: environment.merging(["PATH": path]) { $1 })
    }

    static func run(_ executable: String, _ arguments: [String], in folder: URL, environment: [String: String] = [:],
                    stdin: String? = nil) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var base = ProcessInfo.processInfo.environment
        base["COLUMNS"] = nil
        process.environment = base.merging(environment) { $1 }
        // stderr goes to a file, so that a full stderr pipe cannot block the child while stdout is read.
        let errFile = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        // A file that cannot be made fails at `FileHandle(forWritingTo:)` below, naming it.
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = FileManager.default.contents(atPath: errFile.path) ?? Data()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }
}
