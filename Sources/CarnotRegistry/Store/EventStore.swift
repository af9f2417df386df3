import CCarnotSQLite
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
    /// The default distance between checkpoints, chosen with `carnot-bench` (README, Performance).
    public static let defaultCheckpointInterval = 1_000
    /// SQLite's page cache per connection, in KiB: 32 MB instead of SQLite's 2 MB. One back-dated decision
    /// of 4,000 events on the 100k synthetic log took 2.9 s of CPU instead of 3.1-3.8 s (system time 0.2 s
    /// instead of 0.9-1.1 s), for 62 MB of peak memory instead of 29 MB.
    static let pageCacheKilobytes = 32_768

    let connection: SQLiteConnection
    let environment: RecordingEnvironment
    /// The head, the state after every fact and the corrections, as last read; reloaded whenever the
    /// file's head moves under this process (other processes append). Nil until first needed.
    var live: LiveState?
    /// How many positions apart the checkpoints at the front of valid time are written.
    let checkpointInterval: Int

    /// True when the store refuses writes: opened with `.readOnly` or `.read`.
    public let isReadOnly: Bool
    /// How the store was opened.
    public let access: StoreAccess
    /// The path as the caller gave it, for messages.
    let shownPath: String
    /// The checkpoints checked and decoded inside write transactions, by row, with their checksums: trusted in
    /// a later write without decoding again while the row's checksum and seals still match
    /// (`sealedState`); at most `decodedCheckpointLimit`.
    var decodedCheckpoints: [CheckpointID: (checksum: [UInt8], state: RegistryState)] = [:]
    /// Facts decoded inside the current write transaction, by position (`foldedFact(at:)`).
    var factCache: [Int64: StoredFact] = [:]
    /// True inside an import: stale checkpoints near the front are written at its end (`writeCheckpoints`).
    var deferringStaleDays = false
    /// The facts the current write inserted last (`RecentFacts`).
    var recentFacts = RecentFacts()
    /// The positions filed under each key the current write asked for, kept up to date by its inserts
    /// (`positions(filedUnder:)`).
    var filedPositions = FiledPositions()
    /// Per level of the Merkle tree, the last node the current write added (`appendMerkleLeaf`): the left
    /// sibling the next leaf's closing nodes hash with, without reading it back.
    var merkleFrontier: [Int: (index: Int64, hash: [UInt8])] = [:]
    /// Set on `audit`'s replay, whose Merkle tree is kept in memory as its right edge only, not in
    /// `merkle_nodes` (`makeAuditReplay`): every leaf appended since the store was empty.
    var merkleFrontierOnly: MerkleFrontier?
    /// Per stale checkpoint, the records written after it on or before its day, read through a position
    /// (`recordsWritten`); kept inside the current write transaction only.
    var staleWrites: [CheckpointID: (first: Int64, through: Int64, keys: Set<String>?)] = [:]
    /// What each position the current write's `recordsWritten` read writes (`WrittenRecords`).
    var writtenRecords = WrittenRecords()
    /// The layout the file had when this store opened it to write, when it was older and brought up to date
    /// (`carnot upgrade` says so); nil for a file already at this build's layout, or a new one.
    public private(set) var upgradedFromLayout: Int64?
    /// True while a read outside a write walks the stale checkpoints (`checkpoint(onOrBefore:holding:)`): it
    /// keeps `writtenRecords` and `staleSummaries` for that walk only.
    var walkingStaleCheckpoints = false
    /// Per position that made checkpoints stale, and the `upto` read to, the earliest day each record was
    /// written since (nil: a correction among them), for `writesAny`; kept inside the current write only.
    var staleSummaries: [Int64: (upto: Int64, earliest: [String: Day]?)] = [:]
    /// `staleWrites` of the committed appends of this process, while the head is the one it wrote.
    var committedStaleWrites: [CheckpointID: (first: Int64, through: Int64, keys: Set<String>?)] = [:]
    /// The records the current write's validation folded, advanced within the write (`cursorStates`).
    var entityCursors = EntityCursors()
    /// Inside the current write, every checkpoint on or after this day is stale: `invalidateCheckpoints`
    /// marked them and none was written since, so a later back-dated event need not look for them again.
    var invalidatedFrom: Day?
    /// The events this build could not decode, met by the folds so far (position and why), left out of answers.
    public internal(set) var undecodable: [Int64: String] = [:]
    /// Checkpoints the write-ahead log on a thread of its own, off the commits (`WALCheckpointer`); a store
    /// opened to write a file only.
    var walCheckpointer: WALCheckpointer?
    /// Where the store reports what a caller should know but that does not stop an answer (an event left
    /// out, a damaged derived table bypassed). Standard error by default.
    public var warn: (String) -> Void = { message in FileHandle.standardError.write(Data((message + "\n").utf8)) }

    /// Opens the store at `path` for reading and writing, creating it (mode 0600, and its folder) on first
    /// use, or with SQLite's read-only flag when `readOnly`.
    public convenience init(path: String, readOnly: Bool = false, environment: RecordingEnvironment = SystemEnvironment(),
                            checkpointInterval: Int = EventStore.defaultCheckpointInterval) throws(StoreError) {
        try self.init(path: path, access: readOnly ? .readOnly : .write, environment: environment,
                      checkpointInterval: checkpointInterval)
    }

    /// Opens the store at `path`.
    ///
    /// A file that is not a carnot store is refused untouched, before anything is written. With `.read`
    /// and `.readOnly` nothing is written and no lock is taken; a missing file is `StoreError.missing`, and
    /// a store of an older layout must be upgraded by a write first. With `.write` a missing store is
    /// created and an older layout upgraded.
    /// - Parameters:
    ///   - path: a file path (a symbolic link is followed; a name starting `file:` is a file name, never an
    ///     SQLite URI), or `:memory:` for a store that lives as long as this object.
    ///   - access: what the caller will do with the store.
    ///   - environment: the clock and id source for appends.
    ///   - checkpointInterval: positions between two checkpoints of the state at the front of valid time;
    ///     smaller answers point-in-time queries faster and costs more space.
    /// - Throws: `StoreError`: `.missing`, `.unusableFile`, `.integrity` (not a store, a newer layout), `.database`.
    public init(path: String, access: StoreAccess, environment: RecordingEnvironment = SystemEnvironment(),
                checkpointInterval: Int = EventStore.defaultCheckpointInterval) throws(StoreError) {
        self.environment = environment
        self.checkpointInterval = max(1, checkpointInterval)
        self.access = access
        self.isReadOnly = access != .write
        self.shownPath = path
        let inMemory = path == ":memory:"
        let file = inMemory ? path : StoreFile.resolve(path)
        do {
            if access == .write, !inMemory { try Self.createFile(at: file, shown: path) }
            if !inMemory { try StoreFile.checkOpenable(file, shown: path) }
            connection = try SQLiteConnection(path: file, mode: access == .readOnly ? .readOnly : .readWrite)
            let version = try StoreFile.recognise(connection, shown: path)
            // SQLite's default page cache (2 MB) is smaller than the pages one entity's facts span in a large
            // log, so folds from the entity index read the same pages again and again through the kernel.
            try connection.execute("PRAGMA cache_size = -\(Self.pageCacheKilobytes)")
            switch access {
            case .read, .readOnly:
                try connection.execute("PRAGMA query_only = ON")
                guard version == StoreSchema.version else {
                    throw StoreError.integrity("the store at \(path) has layout version \(version) and this build reads \(StoreSchema.version): upgrade it once with `carnot upgrade --db \(path)` (or any write); reading never writes")
                }
            case .write:
                if !inMemory {
                    guard StoreFile.isWritable(file) else {
                        throw StoreError.unusableFile("cannot write to \(path): permission denied; check the file's owner and mode (ls -l \(path)), or open it to read only")
                    }
                    try enableWAL()
                    walCheckpointer = WALCheckpointer(path: file, connection: connection)
                }
                try connection.execute("PRAGMA synchronous = FULL")
                try migrate()
            }
        } catch let error as SQLiteError {
            throw Self.explain(error, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .unusableFile("cannot create the store at \(path): \(error.localizedDescription)")
        }
    }

    deinit {
        // Before the connection whose hook points at it closes.
        walCheckpointer?.stop()
    }

    /// Names the real cause of an SQLite failure on the file, where SQLite's own words would not.
    static func explain(_ error: SQLiteError, path: String) -> StoreError {
        switch error.code {
        case SQLITE_FULL: .unusableFile("cannot write to \(path): the disk is full; free some space and retry (nothing was written)")
        case SQLITE_CANTOPEN: .unusableFile("cannot open \(path): its folder is missing or not accessible, or the file cannot be created there (check permissions)")
        case SQLITE_PERM, SQLITE_AUTH: .unusableFile("cannot use \(path): permission denied; check the file's owner and mode")
        case SQLITE_READONLY: .unusableFile("cannot write to \(path): the file or its folder is not writable (check permissions); reading still works")
        case SQLITE_NOTADB: .integrity("\(path) is not a carnot store (not an SQLite database file); carnot leaves it untouched")
        default: .database(error)
        }
    }

    /// Creates a new store file atomically: built complete (mode 0600, WAL, tables) under a private name,
    /// then linked into place. Processes racing to create the same store never see a half-made file; the
    /// loser of the race finds the winner's file and uses it.
    private static func createFile(at path: String, shown: String) throws {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let staging = "\(path).creating-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? manager.removeItem(atPath: staging + suffix) } }
        guard manager.createFile(atPath: staging, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.unusableFile("cannot create the store file \(shown): its folder is not writable (check permissions)")
        }
        do {
            let connection = try SQLiteConnection(path: staging)
            try connection.execute("PRAGMA journal_mode = WAL")
            // One transaction: one durable commit for the whole layout rather than one per statement.
            try connection.transaction {
                try connection.execute(StoreSchema.create)
                try connection.execute("PRAGMA user_version = \(StoreSchema.version)")
                try connection.execute("PRAGMA application_id = \(StoreFile.applicationID)")
            }
        }
        if link(staging, path) != 0, errno != EEXIST {
            throw StoreError.unusableFile("cannot create the store file \(shown): \(String(cString: strerror(errno)))")
        }
    }

    /// Switches a new file to WAL. Changing the journal mode needs the file to itself and SQLite does not
    /// wait for that on the busy timeout, so a process racing another one to create the store retries here.
    private func enableWAL() throws {
        for _ in 0..<1_000 {
            if try connection.statement("PRAGMA journal_mode").first([], { row in row.text(0) }) == "wal" { return }
            do {
                try connection.execute("PRAGMA journal_mode = WAL")
            } catch {
                guard error.isBusy else { throw error }
                usleep(10_000)
            }
        }
        throw StoreError.integrity("could not switch the store to WAL: another process holds it")
    }

    /// Creates the tables of a new file. Checked under the write lock, so that two processes creating the
    /// same store at once do not both create it, and neither reads a schema from before the other's commit.
    /// An up-to-date file is not written: a transaction that changes nothing leaves its bytes as they were.
    private func migrate() throws {
        try connection.transaction {
            let version = try connection.integer("PRAGMA user_version")
            guard version <= StoreSchema.version else {
                throw StoreError.integrity("the store file has layout version \(version), newer than this build reads (\(StoreSchema.version))")
            }
            if try connection.integer("PRAGMA application_id") == 0 {
                try connection.execute("PRAGMA application_id = \(StoreFile.applicationID)")
            }
            guard version < StoreSchema.version else { return }
            if version >= 1 { upgradedFromLayout = version }
            try upgradeProofTables(from: version)
            try connection.execute(StoreSchema.create)
            if version == 1 { try indexCorrections() }
            if version >= 1, version < 3 { try buildMerkleTree() }
            if version >= 1, version < 4 { try buildEntityIndex() }
            if version >= 3, version < 7 { try separateCheckpointStates() }
            if version >= 3, version < 6 { try reencodeCheckpoints() }
            if version >= 3, version < 8 { try dropLowMerkleNodes() }
            try connection.execute("PRAGMA user_version = \(StoreSchema.version)")
        }
    }

    /// Fills the correction index of a file written by a layout-1 build. Its checkpoints start with the
    /// next appends; until then folds start from the beginning of the log.
    private func indexCorrections() throws {
        var rows: [[SQLiteValue]] = []
        try connection.statement("SELECT seq, body FROM events WHERE type IN ('event.retracted', 'event.corrected')").query { row in
            let seq = row.integer(0)
            let fact = try row.withBytes(1) { bytes in try Self.storedFact(seq: seq, body: bytes) }
            switch fact.event {
            case .eventRetracted(let target, _): rows.append([.integer(seq), .integer(target), .null])
            case .eventCorrected(let target, _, let replacement):
                rows.append([.integer(seq), .integer(target), .integer(Int64(replacement.effective.ordinal))])
            default: break
            }
            return true
        }
        for row in rows { try connection.statement("INSERT INTO corrections (seq, target, day) VALUES (?1, ?2, ?3)").execute(row) }
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
            if error.isReadOnly, isReadOnly { throw .readOnly }
            throw Self.explain(error, path: shownPath)
        } catch {
            throw .integrity(String(describing: error))
        }
    }
}
