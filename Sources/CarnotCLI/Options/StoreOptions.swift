import ArgumentParser
import CarnotRegistry

/// Where the store is and how to open it: shared by every command.
struct StoreOptions: ParsableArguments {
    static let defaultPath = ".carnot/registry.sqlite"

    @Option(name: .long, help: ArgumentHelp("The registry file; created on first write.", valueName: "path"))
    var db: String = StoreOptions.defaultPath

    @Flag(name: .long, help: "Open the store read-only (SQLite refuses every write): for auditors.")
    var readOnly = false

    /// Opens the store for a command that only reads.
    func openForReading() throws -> EventStore {
        try CommandFailure.guarding { () throws(StoreError) in try EventStore(path: db, readOnly: readOnly) }
    }

    /// Opens the store for a command that writes; refused with --read-only.
    func openForWriting() throws -> EventStore {
        if readOnly { throw CommandFailure(StoreError.readOnly) }
        return try CommandFailure.guarding { () throws(StoreError) in try EventStore(path: db) }
    }
}
