import Foundation

/// The registry's append-only event log in one SQLite file.
///
/// Appending is the only write. The database enforces it (triggers refuse UPDATE and DELETE on the log and
/// any insert that does not take the next position and chain to the head), and the API offers nothing else.
/// Commits are durable on return: WAL journal with `synchronous=FULL`.
///
/// ```swift
/// let store = try EventStore(path: ".carnot/registry.sqlite")
/// try store.append([EventDraft(.instituteRegistered(institute: id, name: "Carnot M.I.N.E.S",
///                                                   homeInstitutions: ["Armines"]),
///                              effective: try PartialDate(parsing: "2006"), source: "armines.net")])
/// let state = try store.state(at: Day(year: 2020, month: 2, day: 7)!)
/// ```
public final class EventStore {
    let connection: SQLiteConnection
    let environment: RecordingEnvironment
    /// The log as last read; refreshed from the file before every operation, since other processes append.
    var cache = LogView()

    /// True when the store was opened with `readOnly`.
    public let isReadOnly: Bool

    /// Opens the store at `path`, creating it (mode 0600, and its folder) on first use unless read-only.
    /// - Parameters:
    ///   - path: a file path, or `:memory:` for a store that lives as long as this object.
    ///   - readOnly: open with SQLite's read-only flag: every write is refused by SQLite itself.
    ///   - environment: the clock and id source for appends.
    /// - Throws: `StoreError.database` when the file cannot be opened or is not a registry.
    public init(path: String, readOnly: Bool = false, environment: RecordingEnvironment = SystemEnvironment()) throws(StoreError) {
        self.environment = environment
        self.isReadOnly = readOnly
        do {
            if !readOnly, path != ":memory:" { try Self.createFile(at: path) }
            connection = try SQLiteConnection(path: path, mode: readOnly ? .readOnly : .readWrite)
            if readOnly {
                try connection.execute("PRAGMA query_only = ON")
            } else {
                if path != ":memory:" { try connection.execute("PRAGMA journal_mode = WAL") }
                try connection.execute("PRAGMA synchronous = FULL")
                try migrate()
            }
        } catch let error as SQLiteError {
            throw .database(error)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .integrity("cannot create the store at \(path): \(error)")
        }
    }

    private static func createFile(at path: String) throws {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.integrity("cannot create the store file \(path)")
        }
    }

    private func migrate() throws {
        let version = try connection.integer("PRAGMA user_version")
        guard version <= StoreSchema.version else {
            throw StoreError.integrity("the store file has layout version \(version), newer than this build reads (\(StoreSchema.version))")
        }
        // An up-to-date file is not written at all: opening a store must leave its bytes as they were.
        guard version < StoreSchema.version else { return }
        try connection.transaction {
            try connection.execute(StoreSchema.create)
            try connection.execute("PRAGMA user_version = \(StoreSchema.version)")
        }
    }

    /// Runs `body`, turning SQLite's errors into `StoreError.database`.
    func guarded<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as LogLineError {
            throw .badLine(error)
        } catch let error as SQLiteError {
            if error.isReadOnly { throw .readOnly }
            throw .database(error)
        } catch {
            throw .integrity(String(describing: error))
        }
    }
}
