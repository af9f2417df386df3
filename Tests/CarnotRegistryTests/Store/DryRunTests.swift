import Foundation
import Testing
@testable import CarnotRegistry

/// A dry run shows exactly what an append would write, and writes nothing.
struct DryRunTests {
    private let decision = [
        Draft.registerInstitute("tsn", "Carnot TSN", on: "2006"),
        Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28"),
    ]

    @Test func thePreviewIsTheEventsTheAppendWritesByteForByte() throws {
        let previewed = try Fixture.store()
        let appended = try Fixture.store()
        for store in [previewed, appended] { try store.seed(calls: ["carnot-1"]) }

        let preview = try previewed.preview(decision, expectedHead: 1)
        let result = try appended.append(decision, expectedHead: 1)

        #expect(preview.map(\.seq) == [2, 3])
        #expect(preview == (try appended.events(from: result.firstSeq)))
        #expect(preview.map { EventSchema.line(of: $0) } == (try appended.events(from: 2)).map { EventSchema.line(of: $0) })
        #expect(try previewed.head().seq == 1)
        #expect(try previewed.events().count == 1)
        #expect(try previewed.currentState().institutes.isEmpty)
    }

    @Test func aDecisionTheRulesRefuseIsRefusedByThePreviewAndTheStoreIsUnchanged() throws {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"])
        #expect(throws: StoreError.self) { try store.preview([Draft.renew("nobody", in: "carnot-1", from: "2011", until: "2016")]) }
        #expect(throws: StoreError.self) { try store.preview(decision, expectedHead: 7) }
        #expect(try store.head().seq == 1)
        // The store still appends normally after a refused or successful preview.
        _ = try store.preview(decision)
        #expect(try store.append(decision).lastSeq == 3)
    }

    @Test func aPreviewLeavesTheFileByteForByteAsItWas() throws {
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            let store = try EventStore(path: path, environment: FixedEnvironment())
            try store.seed(calls: ["carnot-1"])
            let files = ["", "-wal"].map { path + $0 }
            let before = files.map { FileManager.default.contents(atPath: $0) }
            _ = try store.preview(decision)
            #expect(files.map { FileManager.default.contents(atPath: $0) } == before)
        }
    }
}
