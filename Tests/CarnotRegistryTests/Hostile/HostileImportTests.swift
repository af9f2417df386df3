import Foundation
import Testing
@testable import CarnotRegistry

/// Hostile published logs: a mutated line aborts the import with its file and line, and nothing is written.
@Suite struct HostileImportTests {
    /// A small valid log, written by a store, as NDJSON bytes.
    static func validLog() throws -> [UInt8] {
        let store = try EventStore(path: ":memory:")
        let day = { (text: String) in try PartialDate(parsing: text) }
        try store.append([
            EventDraft(.callOpened(call: EntityID("carnot-2")!, name: "Carnot 2", closes: nil), effective: try day("2010-12-09"), source: "s"),
            EventDraft(.instituteRegistered(institute: EntityID("tsn")!, name: "TSN", homeInstitutions: []), effective: try day("2011-04-28"), source: "s"),
        ])
        try store.append([EventDraft(.labelGranted(institute: EntityID("tsn")!, kind: .carnot, call: EntityID("carnot-2")!,
                                                   from: try day("2011-04-28").day, until: try day("2016-07-06").day, probation: false),
                                     effective: try day("2011-04-28"), source: "s")])
        return try store.events().flatMap { EventSchema.line(of: $0) + [0x0A] }
    }

    @Test func everyMutationOfAPublishedLogIsRefusedOrHarmless() throws {
        let log = try Self.validLog()
        var random = HostileRandom(seed: 2_016_07_06)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("carnot-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("recorded-2026.ndjson").path
        var refused = 0
        for _ in 0..<600 {
            let mutated = random.mutate(log)
            try Data(mutated).write(to: URL(fileURLWithPath: file))
            let store = try EventStore(path: ":memory:")
            do {
                _ = try store.importLog(try LogFile.read(file))
                // Only a harmless mutation (a cut at a line end, an extra blank line) may import, and then verifies.
                #expect(try store.verify().isValid)
            } catch let error as LogLineError {
                refused += 1
                #expect(error.file == file && error.line >= 1, "\(error)")
                #expect(try store.head().seq == 0)
            } catch let error as StoreError {
                refused += 1
                guard case .badLine(let line) = error else { Issue.record("unexpected \(error)"); continue }
                #expect(line.line >= 1)
                #expect(try store.head().seq == 0)
            }
        }
        #expect(refused > 500)
    }
}
