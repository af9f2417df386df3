import ArgumentParser
import CarnotRegistry
import Foundation

/// Where the store is and how to open it: shared by every command.
struct StoreOptions: ParsableArguments {
    static let defaultPath = ".carnot/registry.sqlite"

    @Option(name: .long, help: ArgumentHelp("The registry file; created by the first write or import, never by a read.", valueName: "path"))
    var db: String = StoreOptions.defaultPath

    @Flag(name: .long, help: "Open the store read-only (SQLite refuses every write): for auditors.")
    var readOnly = false

    /// Opens the store for a command that only reads: nothing is written, no lock is taken, and a missing
    /// file is an error (exit 66), never a new empty store.
    func openForReading() throws -> EventStore {
        try checkPath()
        try bootstrapDefaultStore()
        return try CommandFailure.guarding { () throws(StoreError) in
            try EventStore(path: db, access: readOnly ? .readOnly : .read)
        }
    }

    /// Opens the store for a command that writes, creating it when missing; refused with --read-only.
    func openForWriting() throws -> EventStore {
        try checkWritable()
        try bootstrapDefaultStore()
        return try CommandFailure.guarding { () throws(StoreError) in try EventStore(path: db, access: .write) }
    }

    /// Opens an existing store to bring it to this build's layout; refused when there is none, which an
    /// upgrade must not create (the default store is still created from the bundled history, as for any command).
    func openForUpgrade() throws -> EventStore {
        try checkWritable()
        try bootstrapDefaultStore()
        guard FileManager.default.fileExists(atPath: db) else {
            throw CommandFailure(message: "no store at \(db): nothing to upgrade, and `carnot upgrade` never creates one; check the path", code: 66)
        }
        return try CommandFailure.guarding { () throws(StoreError) in try EventStore(path: db, access: .write) }
    }

    /// Refuses a write before anything is opened: a read-only option, or a path that is no file.
    func checkWritable() throws {
        if readOnly { throw CommandFailure(StoreError.readOnly) }
        try checkPath()
    }

    /// A store is a file: an in-memory database would acknowledge decisions that vanish when the command
    /// ends. (Names starting `file:` are file names; the store never reads them as SQLite URIs.)
    private func checkPath() throws {
        if db == ":memory:" || db.isEmpty {
            throw CommandFailure(message: "--db '\(db)': must be the path of a store file (an in-memory database would lose every decision when the command ends)", code: 64)
        }
    }

    /// On first use, the default store is created from the bundled history, so that a question about the
    /// Carnot network can be answered with nothing set up beforehand. An explicit --db is never bootstrapped.
    ///
    /// The store is built whole under a private name and linked into place, so a kill or a failure leaves
    /// no store at all rather than an empty or partial one; when `Events/` cannot be found, nothing is created.
    private func bootstrapDefaultStore() throws {
        guard db == Self.defaultPath, !FileManager.default.fileExists(atPath: db) else { return }
        guard let folder = BundledHistory.folder() else {
            throw CommandFailure(message: "the default store \(db) does not exist and the bundled history (Events/) cannot be found from \(FileManager.default.currentDirectoryPath): run carnot from the repository's folder, set CARNOT_EVENTS to the Events/ folder, or give --db PATH", code: 66)
        }
        let entries: [LogFile.Entry]
        do { entries = try LogFile.read(folder) } catch { throw CommandFailure(StoreError.badLine(error)) }
        Console.error("carnot: creating the default store \(db) from the bundled history in \(folder) (\(entries.count) events)")
        Self.removeAbandoned(".bootstrap-", of: db)
        let staging = "\(db).bootstrap-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: staging + suffix) } }
        try CommandFailure.guarding { () throws(StoreError) in
            // Closed at the end of this scope, so that its journal is folded into the file before the link.
            let store = try EventStore(path: staging, access: .write)
            _ = try store.importLog(entries)
        }
        // Another process may have bootstrapped it meanwhile: its store is the same log, so it is kept.
        if link(staging, db) != 0, errno != EEXIST {
            throw CommandFailure(message: "cannot create the default store \(db): \(String(cString: strerror(errno)))", code: 1)
        }
    }

    /// Removes what a bootstrap or an import (`StagedStore`, infix `.importing-`) killed before it linked its
    /// store left behind (its private files), once its process is gone.
    static func removeAbandoned(_ infix: String, of db: String) {
        let folder = (db as NSString).deletingLastPathComponent
        let prefix = (db as NSString).lastPathComponent + infix
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(entry))
        }
    }
}
