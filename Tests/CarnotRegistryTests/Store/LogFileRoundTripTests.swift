import Foundation
import Testing
@testable import CarnotRegistry

/// The published log (NDJSON files) carries a store's history to another store, unaltered or not at all.
struct LogFileRoundTripTests {
    @Test func aLogWrittenOutAndReadBackImportsIntoAFreshStoreWithTheSameHeadAndEvents() throws {
        try Fixture.withTemporaryFolder { folder in
            let source = try Fixture.store()
            let head = try source.recordHistory()
            _ = try LogFile.write(try source.events(), to: folder.path)

            let copy = try Fixture.store()
            let result = try copy.importLog(try LogFile.read(folder.path))

            #expect(result.read == History.eventCount)
            #expect(result.appended == History.eventCount)
            #expect(result.alreadyPresent == 0)
            #expect(result.head == head)
            #expect(try copy.head() == head)
            #expect(try copy.events() == source.events())
            #expect(try copy.verify().isValid)
            #expect(try copy.state(at: "2017-06-01") == source.state(at: "2017-06-01"))
        }
    }

    @Test func importingTheSameLogAgainAppendsNothing() throws {
        try Fixture.withTemporaryFolder { folder in
            let source = try Fixture.store()
            let head = try source.recordHistory()
            _ = try LogFile.write(try source.events(), to: folder.path)
            let copy = try Fixture.store()
            let entries = try LogFile.read(folder.path)
            _ = try copy.importLog(entries)

            let again = try copy.importLog(entries)

            #expect(again.alreadyPresent == entries.count)
            #expect(again.appended == 0)
            #expect(again.head == head)
            #expect(try copy.events().count == History.eventCount)
        }
    }

    @Test func aLogRecordedOverSeveralYearsIsWrittenOneFilePerYearAndReadBackInLogOrder() throws {
        try Fixture.withTemporaryFolder { folder in
            let hundredDays: Int64 = 100 * 86_400_000_000
            let source = try Fixture.store(FixedEnvironment(stepMicroseconds: hundredDays))
            try source.recordHistory()

            let files = try LogFile.write(try source.events(), to: folder.path)
            let entries = try LogFile.read(folder.path)

            let years = Set(try source.events().map(\.recorded.day.year)).sorted()
            #expect(years.count > 1)
            #expect(files.map { ($0 as NSString).lastPathComponent } == years.map { "recorded-\($0).ndjson" })
            #expect(entries.map(\.event.seq) == Array(1...Int64(History.eventCount)))
        }
    }

    @Test func aLineAlteredInACopyIsRefusedWithItsFileAndLineNumber() throws {
        try Fixture.withTemporaryFolder { folder in
            let source = try Fixture.store()
            try source.recordHistory()
            let original = try #require(try LogFile.write(try source.events(), to: folder.appendingPathComponent("published").path).first)
            let copyFolder = folder.appendingPathComponent("copy").path
            try FileManager.default.createDirectory(atPath: copyFolder, withIntermediateDirectories: true)
            let copyFile = (copyFolder as NSString).appendingPathComponent("recorded-2026.ndjson")
            let text = try String(contentsOfFile: original, encoding: .utf8)
            // Line 3 registers mines: one letter of its name changes, the line stays canonical JSON.
            try text.replacingOccurrences(of: "Carnot M.I.N.E.S", with: "Carnot M.I.N.E.Z")
                .write(toFile: copyFile, atomically: true, encoding: .utf8)
            let target = try Fixture.store()

            let error = #expect(throws: LogLineError.self) { try target.importLog(try LogFile.read(copyFolder)) }

            #expect(error?.file == copyFile)
            #expect(error?.line == 3)
            #expect(error?.kind == .integrity)
            #expect(try target.head() == .empty)
        }
    }

    @Test func aLogThatForksFromTheStoreIsRefusedWholeAndWritesNothing() throws {
        try Fixture.withTemporaryFolder { folder in
            let source = try Fixture.store()
            try source.recordHistory()
            _ = try LogFile.write(try source.events(), to: folder.path)
            let target = try Fixture.store()
            // The same first event, recorded at the same instant with the same id, then a different second one.
            try target.append([Draft.openCall("carnot-1", "Carnot 1", on: "2006-01")])
            let head = try target.record(Draft.registerInstitute("ingenierie", "Carnot Ingénierie", on: "2006"))

            let error = #expect(throws: StoreError.self) { try target.importLog(try LogFile.read(folder.path)) }

            guard case .badLine(let line)? = error else {
                Issue.record("expected a bad line, got \(String(describing: error))")
                return
            }
            #expect(line.kind == .integrity)
            #expect(line.line == 2)
            #expect(try target.head() == head)
        }
    }

    @Test func aCorrectlyChainedLogWithAnEventBreakingARuleIsRefusedWholeAndWritesNothing() throws {
        try Fixture.withTemporaryFolder { folder in
            let events = HandWrittenLog.chain([
                Draft.openCall("carnot-1", "Carnot 1", on: "2006-01-01"),
                Draft.registerInstitute("tsn", "Carnot TSN", on: "2006"),
                Draft.withdraw("tsn", on: "2007-01-01"),
            ])
            let (line, target) = try Self.refusedLine(importing: events, in: folder)

            #expect(line?.kind == .invalid)
            #expect(line?.line == 3)
            #expect(try target.head() == .empty)
        }
    }

    @Test func aCorrectlyChainedLogReusingAnEventIdIsRefusedAtThatLineAndWritesNothing() throws {
        try Fixture.withTemporaryFolder { folder in
            let taken = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
            let events = HandWrittenLog.chain([
                Draft.openCall("carnot-1", "Carnot 1", on: "2006-01-01"),
                Draft.registerInstitute("tsn", "Carnot TSN", on: "2006"),
                Draft.registerInstitute("leti", "CEA LETI", on: "2006"),
            ], ids: [0: taken, 2: taken])
            let (line, target) = try Self.refusedLine(importing: events, in: folder)

            #expect(line?.kind == .invalid)
            #expect(line?.line == 3)
            #expect(line?.message.contains("id: '\(taken)' is already the id of event 1") == true, "\(String(describing: line))")
            #expect(try target.head() == .empty)
        }
    }

    /// Writes `events` as a published log in `folder` and imports it into a fresh store, which must refuse it
    /// with a bad line: that line (nil, with an issue recorded, for any other outcome) and the store.
    private static func refusedLine(importing events: [RecordedEvent], in folder: URL) throws -> (LogLineError?, EventStore) {
        _ = try LogFile.write(events, to: folder.path)
        let target = try Fixture.store()
        let error = #expect(throws: StoreError.self) { try target.importLog(try LogFile.read(folder.path)) }
        guard case .badLine(let line)? = error else {
            Issue.record("expected a bad line, got \(String(describing: error))")
            return (nil, target)
        }
        return (line, target)
    }
}
