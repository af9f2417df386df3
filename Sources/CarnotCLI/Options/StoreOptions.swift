import ArgumentParser
import CarnotRegistry
import Foundation

/// Where the store is and how to open it: shared by every command.
struct StoreOptions: ParsableArguments {
    static let defaultPath = ".carnot/registry.sqlite"

    @Option(name: .long, help: ArgumentHelp("The registry file; created on first write.", valueName: "path"))
    var db: String = StoreOptions.defaultPath

    @Flag(name: .long, help: "Open the store read-only (SQLite refuses every write): for auditors.")
    var readOnly = false

    /// Opens the store for a command that only reads.
    func openForReading() throws -> EventStore {
        try bootstrapDefaultStore()
        return try CommandFailure.guarding { () throws(StoreError) in try EventStore(path: db, readOnly: readOnly) }
    }

    /// Opens the store for a command that writes; refused with --read-only.
    func openForWriting() throws -> EventStore {
        if readOnly { throw CommandFailure(StoreError.readOnly) }
        try bootstrapDefaultStore()
        return try CommandFailure.guarding { () throws(StoreError) in try EventStore(path: db) }
    }

    /// On first use, the default store is created from the bundled history, so that a question about the
    /// Carnot network can be answered with nothing set up beforehand. An explicit --db starts empty.
    private func bootstrapDefaultStore() throws {
        guard db == Self.defaultPath, !readOnly, !FileManager.default.fileExists(atPath: db),
              let folder = BundledHistory.folder() else { return }
        let entries: [LogFile.Entry]
        do { entries = try LogFile.read(folder) } catch { throw CommandFailure(StoreError.badLine(error)) }
        Console.error("carnot: creating the default store \(db) from the bundled history in \(folder) (\(entries.count) events)")
        let store = try CommandFailure.guarding { () throws(StoreError) in try EventStore(path: db) }
        _ = try CommandFailure.guarding { () throws(StoreError) in try store.importLog(entries) }
    }
}
