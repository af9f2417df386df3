import Testing
@testable import CarnotRegistry

/// A decision retried with the same idempotency key is recorded once.
struct IdempotencyTests {
    private let decision = [
        Draft.registerInstitute("tsn", "Carnot TSN", on: "2006"),
        Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28"),
    ]

    @Test func retryingADecisionWithItsKeyReturnsTheOriginalPositionsAndWritesNothing() throws {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"])
        let original = try store.append(decision, idempotencyKey: "carnot-1-results")

        let retried = try store.append(decision, idempotencyKey: "carnot-1-results")

        #expect(retried.replayed)
        #expect(retried.firstSeq == original.firstSeq)
        #expect(retried.lastSeq == original.lastSeq)
        #expect(retried.head == original.head)
        #expect(try store.events().count == 3)
    }

    @Test func aRetryAfterOtherWritesStillReturnsTheOriginalPositionsAndTheCurrentHead() throws {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"])
        let original = try store.append(decision, idempotencyKey: "carnot-1-results")
        let later = try store.record(Draft.registerInstitute("mines", "Carnot M.I.N.E.S", on: "2006"))

        let retried = try store.append(decision, expectedHead: original.head.seq, idempotencyKey: "carnot-1-results")

        #expect(retried.replayed)
        #expect(retried.firstSeq == 2)
        #expect(retried.lastSeq == 3)
        #expect(retried.head == later)
        #expect(try store.head() == later)
    }

    @Test func reusingAKeyForADifferentDecisionIsRefusedAndWritesNothing() throws {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"])
        try store.append(decision, idempotencyKey: "carnot-1-results")
        let head = try store.head()
        let different = [Draft.registerInstitute("mines", "Carnot M.I.N.E.S", on: "2006")]

        let error = #expect(throws: StoreError.self) {
            try store.append(different, idempotencyKey: "carnot-1-results")
        }

        guard case .idempotencyMismatch(let key, let firstSeq, let lastSeq)? = error else {
            Issue.record("expected an idempotency mismatch, got \(String(describing: error))")
            return
        }
        #expect(key == "carnot-1-results")
        #expect(firstSeq == 2)
        #expect(lastSeq == 3)
        #expect(try store.head() == head)
    }

    @Test func aRefusedDecisionDoesNotUseUpItsKey() throws {
        let store = try Fixture.store()
        try store.seed(calls: ["carnot-1"])
        let broken = [Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28")]
        #expect(throws: StoreError.self) { try store.append(broken, idempotencyKey: "carnot-1-results") }

        let fixed = try store.append(decision, idempotencyKey: "carnot-1-results")

        #expect(fixed.replayed == false)
        #expect(fixed.firstSeq == 2)
    }
}
