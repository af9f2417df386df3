import Foundation
import Testing
@testable import CarnotRegistry

/// The explanation read from the entity index (`EventStore.explanation`, what the entity page shows) is the
/// one a fold of the whole log gives (`Explanation.explain`), for every entity, day and record-time cut-off:
/// the same fields, values, crediting events and skipped events, in the same order.
@Suite struct ExplanationIndexTests {
    /// The explanation as its JSON document, which carries every field of every citation; "none" when nil.
    static func document(_ explanation: Explanation?) -> String {
        explanation.map { CanonicalJSON.string(QueryDocuments.explanation($0)) } ?? "none"
    }

    /// Compares both readings for every entity the log names, on each of `days`, at the head and at `cuts`.
    static func expectSameExplanations(_ store: EventStore, days: [Day], cuts: [Int64]) throws -> Int {
        let events = try store.events()
        let ids = Set(events.flatMap(\.event.entities)).sorted()
        var compared = 0
        for upto in cuts + [Int64(events.count)] {
            for day in days {
                for id in ids {
                    let fromIndex = try store.explanation(of: id, at: day, upto: upto)
                    let fromLog = Explanation.explain(id, at: day, events: events, upto: upto)
                    #expect(document(fromIndex) == document(fromLog), "\(id) on \(day) at \(upto)")
                    if fromLog != nil { compared += 1 }
                }
            }
        }
        return compared
    }

    /// An empty store whose clock reads after every record time of the logs here.
    static func store() throws -> EventStore {
        try Fixture.store(FixedEnvironment(start: Timestamp(startOf: day("2099-01-01"))))
    }

    /// A store holding `log`, imported as its published lines.
    static func store(holding log: [RecordedEvent], in folder: URL) throws -> EventStore {
        let path = folder.appendingPathComponent("log.ndjson").path
        try Data(log.flatMap { EventSchema.line(of: $0) + [0x0A] }).write(to: URL(fileURLWithPath: path))
        let store = try store()
        _ = try store.importLog(try LogFile.read(path))
        return store
    }

    @Test func theEntityPageExplainsEveryEntityOfTheBundledHistoryAsTheWholeLogDoes() throws {
        let folder = try #require(BundledHistory.folder())
        let store = try Self.store()
        _ = try store.importLog(try LogFile.read(folder))
        let days = ["2008-06-30", "2016-07-06", "2026-12-31"].map(day)
        let compared = try Self.expectSameExplanations(store, days: days, cuts: [150])
        #expect(compared > 100)
    }

    /// A synthetic log dense in what crosses records: affiliations and mergers (an institute's schools),
    /// consortia, directors and office seats, with back-dated events, corrections and retractions.
    @Test(arguments: [UInt64(3), 8])
    func theEntityPageExplainsEveryEntityOfASyntheticLogAsTheWholeLogDoes(seed: UInt64) throws {
        var parameters = SyntheticLog.Parameters(events: 700, institutes: 6, seed: seed)
        parameters.backDatedShare = 0.1
        parameters.correctedShare = 0.05
        parameters.retractedShare = 0.03
        var log: [RecordedEvent] = []
        SyntheticLog.generate(parameters) { log.append($0) }
        #expect(log.contains { if case .schoolsMerged = $0.event { true } else { false } })
        #expect(log.contains { if case .eventCorrected = $0.event { true } else { false } })
        try Fixture.withTemporaryFolder { folder in
            let store = try Self.store(holding: log, in: folder)
            let last = try #require(log.map(\.effective).max())
            let days = [day("2009-06-30"), day("2014-01-01"), last]
            let compared = try Self.expectSameExplanations(store, days: days, cuts: [Int64(log.count / 2)])
            #expect(compared > 50)
        }
    }
}
