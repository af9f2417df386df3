import Testing
@testable import CarnotRegistry

/// Validation reads only the records a rule reads, folded from the entity index; the state after every fact
/// is updated, after a back-dated event or a correction, by folding again only the records it changes. Both
/// must decide exactly as folds of the whole log do (`ReferenceValidator`, `Timeline`), on random logs full
/// of back-dated events, mergers, corrections and retractions.
struct EntityIndexDifferentialTests {
    /// Decisions `RandomDecisions` does not make: registrations (fresh ids and taken ones), mergers of
    /// schools into new ones, a second call and its results, leaving the consortium.
    struct Extras {
        var fresh = 0
        var schools = RandomDecisions.schools

        mutating func candidate(using random: inout SeededGenerator, on day: String) -> EventDraft {
            fresh += 1
            switch Int.random(in: 0..<7, using: &random) {
            case 0:
                let school = "n\(fresh)"
                schools.append(school)
                return Draft.registerSchool(school, "New school \(fresh)", on: day)
            case 1, 2:
                let into = "m\(fresh)"
                let merged = Array(schools.shuffled(using: &random).prefix(Int.random(in: 2...3, using: &random)))
                schools.append(into)
                return Draft.merge(merged, into: into, "Merged \(fresh)", on: day)
            case 3:
                let taken = (RandomDecisions.institutes + schools).randomElement(using: &random)!
                return Draft.registerInstitute(Bool.random(using: &random) ? taken : "i\(fresh)", "Institute \(fresh)", on: day)
            case 4: return Draft.openCall(Bool.random(using: &random) ? "c2" : "c1", "Call 2", on: day)
            case 5:
                return Draft.announceResults(of: Bool.random(using: &random) ? "c2" : "c1", CallCounts(labelled: 3), on: day)
            default:
                return Draft.leaveConsortium("k1", RandomDecisions.institutes.randomElement(using: &random)!, on: day)
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func indexedValidationDecidesAsTheWholeLogDoes(seed: UInt64) async throws {
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment(), checkpointInterval: 4)
        try store.append(RandomDecisions.world)
        var decisions = RandomDecisions(seed: seed)
        var random = SeededGenerator(seed: seed &* 7_919)
        var extras = Extras()
        var accepted = 0, refused = 0, correctionsAccepted = 0
        for step in 0..<220 {
            // A long synchronous test would hold one of the cooperative pool's threads the HTTP tests need.
            await Task.yield()
            let events = try store.events()
            let head = Int64(events.count)
            let draft: EventDraft
            switch Int.random(in: 0..<10, using: &random) {
            case 0, 1: draft = Draft.correct(Int64.random(in: 1...head, using: &random), with: decisions.candidate(), on: decisions.anyDay())
            case 2: draft = Draft.retract(Int64.random(in: 1...head, using: &random), on: decisions.anyDay())
            case 3: draft = extras.candidate(using: &random, on: decisions.someDay())
            default: draft = decisions.candidate()
            }
            let expected = ReferenceValidator(events: events).refusal(of: draft.event, effective: draft.effective)
            var found: ValidationError?
            do {
                try store.append([draft])
            } catch {
                guard case .invalid(let refusal) = error else { throw error }
                found = refusal
            }
            let context = "seed \(seed), step \(step): \(draft.event.typeName) on \(draft.effective)"
            #expect((found == nil) == (expected == nil), "\(context): store \(found?.description ?? "accepts"), whole-log folds \(expected?.description ?? "accept")")
            if let found, let expected {
                #expect(found.field == expected.field, "\(context)")
                if expected.rule.hasPrefix("broken: ") {
                    #expect(found.rule.contains("retract or correct \(expected.rule.dropFirst(9).dropLast()) first"), "\(context): \(found.rule) vs \(expected.rule)")
                } else if !draft.event.isCorrection {
                    #expect(found.value == expected.value && found.rule == expected.rule, "\(context): \(found) vs \(expected)")
                }
            }
            if found == nil {
                accepted += 1
                if draft.event.isCorrection { correctionsAccepted += 1 }
                let now = try store.events()
                #expect(try store.currentState() == Timeline.state(of: now, at: .latest), "\(context): the state after every fact")
            } else {
                refused += 1
            }
        }
        // The log exercised what it is meant to: many of each outcome.
        #expect(accepted > 60 && refused > 30 && correctionsAccepted > 5, "accepted \(accepted), refused \(refused), corrections \(correctionsAccepted)")
        let report = try store.verify()
        #expect(report.isValid, "\(String(describing: report.failure))")
        let reopened = try store.events()
        for sample in stride(from: 1, to: reopened.count, by: 7) {
            let at = reopened[sample].effective
            #expect(try store.state(at: at) == Timeline.state(of: reopened, at: at))
        }
    }
}
