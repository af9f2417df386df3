import ArgumentParser
import CarnotRegistry
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a published log (an .ndjson file or a folder of them): verified, idempotent, all or nothing.",
        discussion: "Example:\n  carnot import Events/")

    @Argument(help: "An .ndjson file, or a folder whose .ndjson files are read in name order.") var path: String
    @Option(help: ArgumentHelp("A published head SEQ:HASH the log must hold; a log that does not is refused before anything is written.",
                               valueName: "seq:hash"))
    var expectHead: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.requireTableOrJSON("import")
        let pinned = try expectHead.map { text in
            guard let head = LogHead(parsing: text) else {
                throw CommandFailure(message: "--expect-head \(text): write SEQ:HASH as `carnot head` prints it, e.g. 217:<64 lower-case hex digits>", code: 64)
            }
            return head
        }
        // Streamed: memory holds one line, whatever the size of the log. The first line is read before the
        // store is opened, so that a file that is not a log never creates one.
        // The lines are read and proven on a thread of their own, a few batches ahead of the import.
        let reader: LogFile.Prefetcher
        var first: LogFile.Entry?
        do {
            reader = LogFile.Prefetcher(try LogFile.Reader(path))
            first = try reader.next()
        } catch {
            throw CommandFailure(StoreError.badLine(error))
        }
        // A refused import writes nothing: not even the store file, when this import created it.
        let created = !FileManager.default.fileExists(atPath: self.store.db)
        let progress = Progress("import")
        defer { progress.finish() }
        let next = { () throws -> LogFile.Entry? in
            if let entry = first { first = nil; return entry }
            return try reader.next()
        }
        func importing(into store: EventStore) throws(StoreError) -> ImportResult {
            try store.importLog(from: next, expectedHead: pinned) { done in
                progress.update(Int64(done), bytes: reader.bytesRead, of: reader.totalBytes)
            }
        }
        let result: ImportResult
        // A dangling symbolic link names a store to create at its target, as opening creates it.
        let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: self.store.db)) != nil
        if created, !isLink, self.store.db != StoreOptions.defaultPath {
            // A new store is built under a private name and linked into place when whole (`StagedStore`):
            // written once, without the write-ahead log. The default store is bootstrapped first, below.
            try self.store.checkWritable()
            StoreOptions.removeAbandoned(StagedStore.infix, of: self.store.db)
            result = try CommandFailure.guarding { () throws(StoreError) in
                try StagedStore.build(at: self.store.db) { store, staging throws(StoreError) in
                    // Should memory run out where no error can be thrown, the guard removes the private file.
                    MemoryGuard.removeOnStop(staging)
                    return try importing(into: store)
                }
            }
        } else {
            let store = try self.store.openForWriting()
            // Should memory run out where no error can be thrown, the guard removes the new store too.
            if created { MemoryGuard.removeOnStop(self.store.db) }
            do {
                result = try CommandFailure.guarding { () throws(StoreError) in try importing(into: store) }
            } catch {
                if created { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: self.store.db + suffix) } }
                throw error
            }
        }
        MemoryGuard.removeOnStop(nil)
        progress.finish()
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(.object([
                "read": .integer(Int64(result.read)), "alreadyPresent": .integer(Int64(result.alreadyPresent)),
                "appended": .integer(Int64(result.appended)),
                "head": .object(["seq": .integer(result.head.seq), "hash": .string(result.head.hash)]),
            ])))
        case .table, .csv, .tsv:
            Console.out("imported \(result.appended) events (\(result.alreadyPresent) already present); head \(result.head)")
        }
    }
}
