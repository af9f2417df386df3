import Testing
@testable import CarnotRegistry

/// A writer that read the log at some head appends only if the log has not moved since.
struct OptimisticConcurrencyTests {
    private let grant = Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28")

    @Test func appendingAgainstAStaleHeadIsAConflictNamingBothHeadsAndWritesNothing() throws {
        let store = try Fixture.store()
        let head = try store.seed(calls: ["carnot-1"], institutes: ["tsn"])
        #expect(head.seq == 2)

        let error = #expect(throws: StoreError.self) { try store.append([grant], expectedHead: 1) }

        guard case .conflict(let expected, let actual)? = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(expected == 1)
        #expect(actual == 2)
        #expect(try store.head() == head)
    }

    @Test func appendingAgainstTheCurrentHeadSucceeds() throws {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"], institutes: ["tsn"])

        let result = try store.append([grant], expectedHead: 2)

        #expect(result.firstSeq == 3)
        #expect(try store.head().seq == 3)
    }

    @Test func aWriteByAnotherConnectionMakesTheHeadAWriterReadStale() throws {
        try Fixture.withFileStore { first, path in
            let head = try first.seed(calls: ["carnot-1"], institutes: ["tsn"])
            let other = FixedEnvironment(start: Timestamp(startOf: day("2026-02-01")), writer: 1)
            let second = try EventStore(path: path, environment: other)
            try second.append([Draft.registerInstitute("mines", "Carnot M.I.N.E.S", on: "2006")], expectedHead: head.seq)

            let error = #expect(throws: StoreError.self) { try first.append([grant], expectedHead: head.seq) }

            guard case .conflict(let expected, let actual)? = error else {
                Issue.record("expected a conflict, got \(String(describing: error))")
                return
            }
            #expect(expected == 2)
            #expect(actual == 3)
            #expect(try first.state(at: "2007-01-01").institutes[entity("mines")] != nil)
            #expect(try first.append([grant], expectedHead: 3).firstSeq == 4)
        }
    }
}
