import Foundation
import Testing
@testable import CarnotRegistry

/// `import` and `audit` read the log on a thread of its own (`LogFile.Prefetcher`), which also works out
/// what an insert needs of each line (`LineProof`): they must see exactly what reading the log in line gave,
/// the same first error at the same line, and leave the same store.
struct PrefetcherTests {
    static func logFile(_ events: Int, seed: UInt64, in folder: URL, alter: Int? = nil) throws -> String {
        var lines = StreamingLogTests.synthetic(events, seed: seed).map(EventSchema.line)
        if let alter {
            // One byte of its payload altered, its hash left as published.
            let text = String(decoding: lines[alter - 1], as: UTF8.self)
            lines[alter - 1] = Array(try #require(text.replacingFirst("\"effective\":\"20", with: "\"effective\":\"19")).utf8)
        }
        let path = folder.appendingPathComponent("log.ndjson").path
        try StreamingLogTests.write(lines, to: path)
        return path
    }

    @Test(arguments: [(1, 1), (7, 3), (256, 4)])
    func thePrefetcherHandsOutWhatTheReaderReadsInItsOrder(batchSize: Int, inFlight: Int) throws {
        try Fixture.withTemporaryFolder { folder in
            let path = try Self.logFile(300, seed: 3, in: folder)
            let inLine = try LogFile.read(path)

            let reader = LogFile.Prefetcher(try LogFile.Reader(path, chunk: 97), batchSize: batchSize, inFlight: inFlight)
            var read: [LogFile.Entry] = []
            while let entry = try reader.next() { read.append(entry) }

            #expect(read.map(\.event) == inLine.map(\.event))
            #expect(read.map(\.line) == Array(1...300))
            #expect(read.map(\.body) == inLine.map(\.body))
            #expect(try reader.next() == nil)
            #expect(reader.bytesRead == reader.totalBytes)
        }
    }

    @Test(arguments: [1, 5, 64])
    func thePrefetcherStopsAtTheFirstBadLineAfterEveryEntryBeforeIt(batchSize: Int) throws {
        try Fixture.withTemporaryFolder { folder in
            let path = try Self.logFile(120, seed: 7, in: folder, alter: 83)
            let plain = try LogFile.Reader(path, chunk: 500)
            var plainCount = 0
            let expected = #expect(throws: LogLineError.self) { while try plain.next() != nil { plainCount += 1 } }

            let reader = LogFile.Prefetcher(try LogFile.Reader(path, chunk: 500), batchSize: batchSize, inFlight: 2)
            var count = 0
            let error = #expect(throws: LogLineError.self) { while try reader.next() != nil { count += 1 } }

            #expect(count == 82)
            #expect(plainCount == 82)
            #expect(error?.line == 83)
            #expect(error?.kind == expected?.kind)
            #expect(error?.message == expected?.message)
            // The error stays: asked again, the reader does not go on past the bad line.
            #expect(throws: LogLineError.self) { try reader.next() }
        }
    }

    @Test func aStoreImportedThroughProvenLinesIsTheOneImportedFromEventsAlone() throws {
        try Fixture.withTemporaryFolder { folder in
            let path = try Self.logFile(400, seed: 9, in: folder)
            let proven = try EventStore(path: folder.appendingPathComponent("proven.sqlite").path)
            let plain = try EventStore(path: folder.appendingPathComponent("plain.sqlite").path)

            let reader = LogFile.Prefetcher(try LogFile.Reader(path, chunk: 1_000), batchSize: 16, inFlight: 2)
            _ = try proven.importLog(from: reader.next)
            let entries = try LogFile.read(path)
            #expect(entries.allSatisfy { $0.proof?.unreadable == nil && $0.proof?.leafHash.count == 32 })
            // Entries made by hand carry no proof: the import works everything out itself.
            _ = try plain.importLog(entries.map { LogFile.Entry(event: $0.event, body: $0.body, file: $0.file, line: $0.line) })

            for table in ["events", "merkle_nodes", "entity_events", "checkpoints"] {
                #expect(try Self.dump(table, of: proven) == Self.dump(table, of: plain), "\(table)")
            }
            #expect(try proven.verify().isValid)
        }
    }

    @Test func anImportRefusedHalfWayThroughThePrefetcherWritesNothing() throws {
        try Fixture.withTemporaryFolder { folder in
            let path = try Self.logFile(400, seed: 11, in: folder, alter: 397)
            let store = try EventStore(path: folder.appendingPathComponent("registry.sqlite").path)

            let reader = LogFile.Prefetcher(try LogFile.Reader(path, chunk: 4_096), batchSize: 32, inFlight: 2)
            let error = #expect(throws: StoreError.self) { try store.importLog(from: reader.next) }

            guard case .badLine(let line)? = error else { Issue.record("not a bad line: \(String(describing: error))"); return }
            #expect(line.line == 397)
            #expect(try store.head() == .empty)
        }
    }

    /// Every row of `table`, in its key's order, each column as hex.
    static func dump(_ table: String, of store: EventStore) throws -> [String] {
        var columns: Int32 = 0
        try store.connection.statement("PRAGMA table_info(\(table))").query { _ in columns += 1; return true }
        var rows: [String] = []
        try store.connection.statement("SELECT * FROM \(table) ORDER BY 1, 2").query { row in
            rows.append((0..<columns).map { row.isNull($0) ? "null" : row.bytes($0).map { String($0, radix: 16) }.joined(separator: ".") }
                .joined(separator: "|"))
            return true
        }
        return rows
    }
}
