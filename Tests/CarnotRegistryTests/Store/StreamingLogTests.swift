import Foundation
import Testing
@testable import CarnotRegistry

/// Import, export, snapshots and audits stream the log: what they produce is what the whole-log versions
/// produced, and a bad line anywhere still leaves the store untouched.
@Suite struct StreamingLogTests {
    /// A synthetic log with retractions and corrections, as published lines.
    static func synthetic(_ events: Int, seed: UInt64) -> [RecordedEvent] {
        var log: [RecordedEvent] = []
        SyntheticLog.generate(.init(events: events, institutes: 8, seed: seed)) { log.append($0) }
        return log
    }

    static func write(_ lines: [[UInt8]], to path: String) throws {
        try Data(lines.flatMap { $0 + [0x0A] }).write(to: URL(fileURLWithPath: path))
    }

    /// What `LogFile.write` wrote before it streamed: every line grouped by year of record, then one file per year.
    static func publishedBefore(_ events: [RecordedEvent]) -> [String: [UInt8]] {
        var byYear: [Int: [UInt8]] = [:]
        for event in events { byYear[event.recorded.day.year, default: []] += EventSchema.line(of: event) + [0x0A] }
        return Dictionary(uniqueKeysWithValues: byYear.map { ("recorded-\($0.key).ndjson", $0.value) })
    }

    @Test func theReaderGivesEveryLineOfALogManyTimesLargerThanItsBuffer() throws {
        try Fixture.withTemporaryFolder { folder in
            let log = Self.synthetic(300, seed: 3)
            let path = folder.appendingPathComponent("log.ndjson").path
            try Self.write(log.map(EventSchema.line), to: path)

            let reader = try LogFile.Reader(path, chunk: 97)
            var read: [LogFile.Entry] = []
            while let entry = try reader.next() { read.append(entry) }

            #expect(read.map(\.event) == log)
            #expect(read.map(\.line) == Array(1...300))
            #expect(reader.bytesRead == reader.totalBytes)
        }
    }

    @Test func aBadLineNearTheEndOfAStreamedImportLeavesTheStoreUntouched() throws {
        try Fixture.withTemporaryFolder { folder in
            let log = Self.synthetic(400, seed: 11)
            var lines = log.map(EventSchema.line)
            // Line 397: one byte of its payload altered, its hash left as published.
            let altered = try #require(String(decoding: lines[396], as: UTF8.self).replacingFirst("\"effective\":\"20", with: "\"effective\":\"19"))
            lines[396] = Array(altered.utf8)
            let path = folder.appendingPathComponent("log.ndjson").path
            try Self.write(lines, to: path)
            let store = try EventStore(path: folder.appendingPathComponent("registry.sqlite").path)

            let reader = try LogFile.Reader(path, chunk: 4_096)
            #expect(reader.totalBytes > 16 * 4_096)
            let error = #expect(throws: StoreError.self) { try store.importLog(from: reader.next) }

            guard case .badLine(let line)? = error else { Issue.record("not a bad line: \(String(describing: error))"); return }
            #expect(line.line == 397)
            #expect(line.file == path)
            #expect(try store.head() == .empty)
            #expect(try EventStore(path: folder.appendingPathComponent("registry.sqlite").path, access: .read).head() == .empty)
        }
    }

    @Test func aStreamedImportAppendsWhatTheWholeLogImportAppended() throws {
        try Fixture.withTemporaryFolder { folder in
            let log = Self.synthetic(400, seed: 5)
            let path = folder.appendingPathComponent("log.ndjson").path
            try Self.write(log.map(EventSchema.line), to: path)
            let whole = try EventStore(path: ":memory:")
            let streamed = try EventStore(path: ":memory:")

            let expected = try whole.importLog(try LogFile.read(path))
            let reader = try LogFile.Reader(path, chunk: 1_000)
            var reported: [Int] = []
            let result = try streamed.importLog(from: reader.next) { reported.append($0) }

            #expect(result == expected)
            #expect(reported.last == 400)
            #expect(try streamed.events() == whole.events())
            #expect(try streamed.importLog(from: try LogFile.Reader(path).next).alreadyPresent == 400)
        }
    }

    @Test func aStreamedImportRefusesALogThatDoesNotHoldThePublishedHeadAndWritesNothing() throws {
        try Fixture.withTemporaryFolder { folder in
            let log = Self.synthetic(200, seed: 8)
            let path = folder.appendingPathComponent("log.ndjson").path
            try Self.write(log.map(EventSchema.line), to: path)
            let store = try EventStore(path: ":memory:")

            #expect(throws: StoreError.self) {
                try store.importLog(from: try LogFile.Reader(path).next, expectedHead: LogHead(seq: 150, hash: String(repeating: "a", count: 64)))
            }
            #expect(throws: StoreError.self) {
                try store.importLog(from: try LogFile.Reader(path).next, expectedHead: LogHead(seq: 201, hash: log[199].hash))
            }
            #expect(try store.head() == .empty)
            let head = LogHead(seq: 150, hash: log[149].hash)
            #expect(try store.importLog(from: try LogFile.Reader(path).next, expectedHead: head).appended == 200)
        }
    }

    @Test func aLineLongerThanAnyEventIsRefusedWithoutBufferingItAll() throws {
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("log.ndjson").path
            try Data(repeating: UInt8(ascii: "x"), count: LogFile.Reader.maximumLineLength + 10).write(to: URL(fileURLWithPath: path))

            let error = #expect(throws: LogLineError.self) { try LogFile.Reader(path).next() }

            #expect(error?.line == 1)
            #expect(error?.message.contains("longer than 16 MB") == true)
        }
    }

    @Test func aStreamedExportWritesTheBytesTheWholeLogExportWrote() throws {
        try Fixture.withTemporaryFolder { folder in
            let log = Self.synthetic(1_500, seed: 21)
            let store = try EventStore(path: ":memory:")
            _ = try store.importLog(try log.enumerated().map { try LogFile.entry(EventSchema.line(of: $1), file: "log", line: $0 + 1) })
            let out = folder.appendingPathComponent("published").path

            let files = try LogFile.publish(to: out, replacing: false) { add in try store.forEachEvent { try add($0) } }

            let expected = Self.publishedBefore(log)
            #expect(expected.count > 1, "the log spans several years of record")
            #expect(files.map { ($0 as NSString).lastPathComponent } == expected.keys.sorted())
            for file in files {
                #expect(FileManager.default.contents(atPath: file).map { [UInt8]($0) } == expected[(file as NSString).lastPathComponent])
            }
        }
    }

    @Test(arguments: [UInt64(2), 9, 14])
    func theStreamedRecomputationOfAStateIsTimelines(seed: UInt64) throws {
        let log = Self.synthetic(900, seed: seed)
        let store = try EventStore(path: ":memory:")
        _ = try store.importLog(try log.enumerated().map { try LogFile.entry(EventSchema.line(of: $1), file: "log", line: $0 + 1) })
        #expect(log.contains { if case .eventCorrected = $0.event { true } else { false } })
        var random = SeededGenerator(seed: seed)
        for _ in 0..<6 {
            let upto = Int64.random(in: 0...900, using: &random)
            let day = Day(ordinal: Int32.random(in: SyntheticCalendar.first.ordinal...SyntheticCalendar.last.ordinal, using: &random))
            #expect(try store.recomputedState(at: day, upto: upto) == Timeline.state(of: log, at: day, upto: upto), "seed \(seed), \(day) at \(upto)")
        }
        #expect(try store.recomputedState(at: .latest, upto: 900) == Timeline.state(of: log, at: .latest))
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String? {
        guard let range = range(of: target) else { return nil }
        return replacingCharacters(in: range, with: replacement)
    }
}
