import CCarnotSQLite
import Foundation

/// What carnot knows of a store file before it opens it: where it really is, and whether it is carnot's.
///
/// carnot never changes a file that is not its own: a file is recognised as a store by its SQLite
/// `application_id` (set on every store from layout 2 on) or, for stores made before it was set, by its
/// layout version and its `events` table. Anything else is refused byte-identical.
enum StoreFile {
    /// "crnt" in ASCII, kept in `PRAGMA application_id` of every store.
    static let applicationID: Int64 = 0x63726E74

    /// The path SQLite is given: symbolic links resolved (so a new store is created, mode 0600, at the
    /// link's target rather than through it) and never read as an SQLite URI (`file:...`).
    static func resolve(_ path: String) -> String {
        var current = path
        for _ in 0..<16 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
                  let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { break }
            current = target.hasPrefix("/") ? target
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        return current.hasPrefix("file:") ? "./" + current : current
    }

    /// Refuses what cannot be a store before SQLite touches it: a folder, an empty file.
    static func checkOpenable(_ path: String, shown: String) throws(StoreError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .missing(shown) }
        if isFolder.boolValue {
            throw .unusableFile("\(shown) is a folder, not a store file; give the path of a file, e.g. \(shown)/registry.sqlite")
        }
        if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0 {
            throw .integrity("\(shown) is an empty file, not a carnot store; carnot leaves it untouched (remove it, or give another --db)")
        }
        if access(path, R_OK) != 0 {
            throw .unusableFile("cannot read \(shown): permission denied; check the file's owner and mode (ls -l \(shown))")
        }
    }

    static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }

    /// Checks that an open file is a carnot store this build can use, without writing to it.
    /// - Returns: its layout version.
    static func recognise(_ connection: SQLiteConnection, shown: String) throws(StoreError) -> Int64 {
        do {
            let application = try connection.integer("PRAGMA application_id")
            let version = try connection.integer("PRAGMA user_version")
            let hasLog = try connection.statement(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('events', 'idempotency')")
                .first([]) { $0.integer(0) } == 2
            let blank = try application == 0 && version == 0 && !hasTables(connection)
            let older = application == 0 && (1...StoreSchema.version).contains(version) && hasLog
            guard application == applicationID || older || blank else {
                throw StoreError.integrity("\(shown) is not a carnot store (another program's SQLite database); carnot leaves it untouched: give another --db")
            }
            guard version <= StoreSchema.version else {
                throw StoreError.integrity("\(shown) has store layout version \(version), newer than this build reads (\(StoreSchema.version)); use a newer carnot")
            }
            return version
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            if error.code == SQLITE_NOTADB {
                throw .integrity("\(shown) is not a carnot store (not an SQLite database file); carnot leaves it untouched: give another --db")
            }
            throw .database(error)
        } catch {
            throw .integrity("cannot read \(shown): \(error)")
        }
    }

    private static func hasTables(_ connection: SQLiteConnection) throws -> Bool {
        try connection.statement("SELECT count(*) FROM sqlite_master").first([]) { $0.integer(0) } != 0
    }
}
