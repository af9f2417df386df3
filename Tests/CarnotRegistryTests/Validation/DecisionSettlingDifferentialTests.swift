import Testing
@testable import CarnotRegistry

/// Inside one decision, the records a back-dated event, a retraction or a correction changes are folded
/// again only when a later event of the decision reads them, or when the decision ends (`EventStore.settle`).
/// A decision of many events must still decide each of them exactly as folds of the whole log do, on the
/// log with the decision's earlier events, and leave the state a fold of the whole log gives.
struct DecisionSettlingDifferentialTests {
    /// The events of a decision so far, as the reference validator reads them: numbered after the log.
    static func recorded(_ drafts: [EventDraft], after log: [RecordedEvent]) -> [RecordedEvent] {
        drafts.enumerated().map { index, draft in
            RecordedEvent(seq: Int64(log.count + index + 1), id: "draft-\(index)", event: draft.event,
                          effective: draft.effective, precision: draft.precision, recorded: Timestamp(microseconds: 0),
                          source: draft.source, recordedBy: draft.recordedBy, confidence: draft.confidence,
                          note: draft.note, prev: "", hash: "")
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func decisionsOfManyEventsDecideAsTheWholeLogDoes(seed: UInt64) async throws {
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment(), checkpointInterval: 4)
        try store.append(RandomDecisions.world)
        var decisions = RandomDecisions(seed: seed)
        var random = SeededGenerator(seed: seed &* 7_919)
        var extras = EntityIndexDifferentialTests.Extras()
        var acceptedDecisions = 0, refusedDecisions = 0, eventsInAccepted = 0
        for step in 0..<60 {
            // A long synchronous test would hold one of the cooperative pool's threads the HTTP tests need.
            await Task.yield()
            let log = try store.events()
            func candidate() -> EventDraft {
                switch Int.random(in: 0..<12, using: &random) {
                case 0: Draft.correct(Int64.random(in: 1...Int64(log.count), using: &random), with: decisions.candidate(), on: decisions.anyDay())
                case 1: Draft.retract(Int64.random(in: 1...Int64(log.count), using: &random), on: decisions.anyDay())
                case 2, 3: extras.candidate(using: &random, on: decisions.someDay())
                default: decisions.candidate()
                }
            }
            // A decision of events the rules accept one after the other, most of them back-dated (random
            // days), and, one time in three, a last random event, which the rules may refuse.
            var drafts: [EventDraft] = []
            let wanted = Int.random(in: 2...8, using: &random)
            var tries = 0
            while drafts.count < wanted, tries < 40 {
                tries += 1
                let next = candidate()
                let before = log + Self.recorded(drafts, after: log)
                if ReferenceValidator(events: before).refusal(of: next.event, effective: next.effective) == nil { drafts.append(next) }
            }
            var expected: (index: Int, error: ValidationError)?
            if drafts.isEmpty || Int.random(in: 0..<3, using: &random) == 0 {
                let last = candidate()
                let before = log + Self.recorded(drafts, after: log)
                if let refusal = ReferenceValidator(events: before).refusal(of: last.event, effective: last.effective) {
                    expected = (drafts.count, refusal)
                }
                drafts.append(last)
            }
            let context = "seed \(seed), step \(step): \(drafts.map { "\($0.event.typeName) on \($0.effective)" })"
            do {
                try store.append(drafts)
                #expect(expected == nil, "\(context): the store accepts what whole-log folds refuse: \(expected?.error.description ?? "")")
                acceptedDecisions += 1
                eventsInAccepted += drafts.count
                let now = try store.events()
                #expect(try store.currentState() == Timeline.state(of: now, at: .latest), "\(context): the state after every fact")
            } catch {
                guard case .invalid(let refusal) = error else { throw error }
                refusedDecisions += 1
                #expect(expected != nil, "\(context): the store refuses \(refusal), whole-log folds accept")
                if let expected {
                    #expect(refusal.index == expected.index && refusal.field == expected.error.field, "\(context): \(refusal) vs \(expected.error)")
                }
                #expect(try store.events().count == log.count, "\(context): a refused decision writes nothing")
            }
        }
        // The run exercised what it is meant to: decisions of several events, accepted and refused.
        #expect(acceptedDecisions > 25 && refusedDecisions > 3 && eventsInAccepted > 2 * acceptedDecisions,
                "accepted \(acceptedDecisions) (\(eventsInAccepted) events), refused \(refusedDecisions)")
        #expect(try store.verify().isValid)
        let reopened = try store.events()
        for sample in stride(from: 1, to: reopened.count, by: 9) {
            let at = reopened[sample].effective
            #expect(try store.state(at: at) == Timeline.state(of: reopened, at: at))
        }
    }
}
