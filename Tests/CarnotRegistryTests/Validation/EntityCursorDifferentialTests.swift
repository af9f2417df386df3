import Testing
@testable import CarnotRegistry

/// A decision of many back-dated events validates them against records folded once and moved on from event
/// to event (`EntityCursors`), and settles the records it changed from those cursors, reading an entity's
/// later facts only until its record agrees with the one the write found. It must decide every event
/// exactly as folds of the whole log do, on the log with the decision's earlier events, and leave the state
/// a fold of the whole log gives.
///
/// The decisions here are made to use the cursors: runs of events on days moving forward, before the front,
/// naming the same few entities again and again; and to break them: now and then a day earlier than the
/// last (a fact folded before a cursor's day), a merger (which the cursors leave to the entity fold), a
/// correction or retraction (which drops them), or an event at the front.
struct EntityCursorDifferentialTests {
    struct Generator {
        var random: SeededGenerator
        var decisions: RandomDecisions
        var extras = EntityIndexDifferentialTests.Extras()
        var names = 0

        init(seed: UInt64) {
            random = SeededGenerator(seed: seed &* 104_729)
            decisions = RandomDecisions(seed: seed)
        }

        private mutating func pick(_ values: [String]) -> String { values.randomElement(using: &random)! }

        /// One random event on `on`, valid or not, naming few entities.
        mutating func candidate(on: String, log: Int) -> EventDraft {
            names += 1
            let until = Day(ordinal: day(on).ordinal + Int32.random(in: 200...2_000, using: &random)).description
            let institutes = Array(RandomDecisions.institutes.prefix(2)), schools = Array(RandomDecisions.schools.prefix(3))
            switch Int.random(in: 0..<40, using: &random) {
            case 0..<3: return Draft.renameInstitute(pick(institutes), to: "Cursor name \(names)", on: on)
            case 3..<5: return Draft.appointDirector(pick(RandomDecisions.people), of: pick(institutes), on: on)
            case 5..<7: return Draft.renameSchool(pick(schools), to: "Cursor school \(names)", on: on)
            case 7..<11: return Draft.affiliate(pick(schools), to: pick(institutes), on: on)
            case 11..<15: return Draft.disaffiliate(pick(schools), from: pick(institutes), on: on)
            case 15..<18: return Draft.grant(pick(institutes), in: "c1", from: on, until: until, on: on)
            case 18, 19: return Draft.extend(pick(institutes), until: until, on: on)
            case 20..<23: return Draft.withdraw(pick(institutes), on: on)
            case 23, 24: return Draft.appoint(pick(RandomDecisions.people), as: [.president, .treasurer].randomElement(using: &random)!, on: on)
            case 25, 26: return Draft.leave(pick(RandomDecisions.people), [.president, .treasurer].randomElement(using: &random)!, on: on)
            case 27, 28: return Draft.join("k1", pick(institutes), on: on)
            case 29, 30: return Draft.leaveConsortium("k1", pick(institutes), on: on)
            case 31: return Draft.correct(Int64.random(in: 1...Int64(log), using: &random), with: decisions.candidate(), on: on)
            case 32: return Draft.retract(Int64.random(in: 1...Int64(log), using: &random), on: on)
            case 33, 34: return extras.candidate(using: &random, on: on)
            case 35: return decisions.candidate()
            default:
                let school = "cursor-\(names)"
                return Draft.registerSchool(school, "Cursor school \(names)", on: on)
            }
        }
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func decisionsValidatedFromCursorsDecideAsTheWholeLogDoes(seed: UInt64) async throws {
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment(), checkpointInterval: 6)
        try store.append(RandomDecisions.world)
        var generator = Generator(seed: seed)
        // A history first, so that the decisions below are back-dated among facts of every kind.
        try generator.decisions.record(60, into: store)
        var random = SeededGenerator(seed: seed &* 15_485_863)
        var accepted = 0, refused = 0, events = 0
        for step in 0..<30 {
            // A long synchronous test would hold one of the cooperative pool's threads the HTTP tests need.
            await Task.yield()
            let log = try store.events()
            let front = log.map(\.effective).max()!
            // Days moving forward from a day years before the front, now and then back a little.
            var on = Day(ordinal: Int32.random(in: day("2007-01-01").ordinal...front.ordinal - 400, using: &random))
            var drafts: [EventDraft] = []
            let wanted = Int.random(in: 6...16, using: &random)
            var tries = 0
            while drafts.count < wanted, tries < 80 {
                tries += 1
                on = on.adding(days: Int.random(in: 0..<4, using: &random) == 0 ? -Int.random(in: 1...90, using: &random)
                                                                               : Int.random(in: 0...60, using: &random))
                let next = generator.candidate(on: on.description, log: log.count)
                let before = log + DecisionSettlingDifferentialTests.recorded(drafts, after: log)
                if ReferenceValidator(events: before).refusal(of: next.event, effective: next.effective) == nil { drafts.append(next) }
            }
            var expected: (index: Int, error: ValidationError)?
            if Bool.random(using: &random) {
                let last = generator.candidate(on: on.adding(days: 5).description, log: log.count)
                let before = log + DecisionSettlingDifferentialTests.recorded(drafts, after: log)
                if let refusal = ReferenceValidator(events: before).refusal(of: last.event, effective: last.effective) {
                    expected = (drafts.count, refusal)
                }
                drafts.append(last)
            }
            guard !drafts.isEmpty else { continue }
            let context = "seed \(seed), step \(step): \(drafts.map { "\($0.event.typeName) on \($0.effective)" })"
            do {
                try store.append(drafts)
                #expect(expected == nil, "\(context): the store accepts what whole-log folds refuse: \(expected?.error.description ?? "")")
                accepted += 1
                events += drafts.count
                #expect(try store.currentState() == Timeline.state(of: try store.events(), at: .latest), "\(context): the state after every fact")
            } catch {
                guard case .invalid(let refusal) = error else { throw error }
                refused += 1
                #expect(expected != nil, "\(context): the store refuses \(refusal), whole-log folds accept")
                if let expected {
                    #expect(refusal.index == expected.index && refusal.field == expected.error.field, "\(context): \(refusal) vs \(expected.error)")
                }
                #expect(try store.events().count == log.count, "\(context): a refused decision writes nothing")
            }
        }
        // The run exercised what it is meant to: long decisions, accepted and refused.
        #expect(accepted > 12 && refused > 2 && events > 6 * accepted, "accepted \(accepted) (\(events) events), refused \(refused)")
        let reopened = try store.events()
        for sample in stride(from: 1, to: reopened.count, by: 7) {
            let at = reopened[sample].effective
            #expect(try store.state(at: at) == Timeline.state(of: reopened, at: at))
        }
    }
}
