@testable import CarnotRegistry

/// The registry's validation as it was before the entity index, written again over pure folds of the whole
/// log (`Timeline`): every rule reads the whole network on the event's day and after every fact, and a
/// retraction or correction re-checks each later event sharing a key with it on the log as it stood, with
/// the target left out (or its replacement put in its place). Slow and obviously right: the oracle of
/// `EntityIndexDifferentialTests`.
struct ReferenceValidator {
    let events: [RecordedEvent]

    /// The refusal the rules give `event` on `effective`, appended after `events`; nil when accepted.
    func refusal(of event: Event, effective: Day) -> ValidationError? {
        let checker = DecisionValidator(store: try! EventStore(path: ":memory:"))
        func check(_ event: Event, on day: Day, in log: [RecordedEvent], allTime readsAllTime: Bool = true) -> ValidationError? {
            let onDay = Timeline.state(of: log, at: day)
            let allTime = readsAllTime ? Timeline.state(of: log, at: .latest) : onDay
            do { try checker.checkDomain(event, effective: day, on: onDay, allTime: allTime) } catch { return error }
            return nil
        }
        switch event {
        case .eventRetracted(let target, _), .eventCorrected(let target, _, _):
            var replacement: Correction?
            if case .eventCorrected(_, _, let replacing) = event { replacement = replacing }
            if let refused = targetRefusal(target) { return refused }
            let without = Self.log(events, without: target, replacedBy: nil)
            if let replacement, var error = check(replacement.event, on: replacement.effective, in: without) {
                error.field = "payload.replacement." + error.field
                return error
            }
            let original = events[Int(target - 1)]
            let keys = original.event.ruleKeys.union(replacement?.event.ruleKeys ?? [])
            let deciding = Timeline.corrections(in: events, upto: .max)
            var broken: [Int64] = []
            for later in events where later.seq > target && !later.event.isCorrection && deciding[later.seq] == nil
                && !later.event.ruleKeys.isDisjoint(with: keys) {
                let before = Self.log(Array(events.prefix(Int(later.seq - 1))), without: target, replacedBy: replacement)
                if check(later.event, on: later.effective, in: before, allTime: later.event.readsAllTime) != nil {
                    broken.append(later.seq)
                }
            }
            guard !broken.isEmpty else { return nil }
            return ValidationError(field: "payload.target", value: String(target), rule: "broken: \(broken)")
        default:
            return check(event, on: effective, in: events)
        }
    }

    /// The checks on the event a retraction or correction names.
    private func targetRefusal(_ target: Int64) -> ValidationError? {
        guard target >= 1, target <= Int64(events.count) else { return ValidationError(field: "payload.target", rule: "missing") }
        guard !events[Int(target - 1)].event.isCorrection else { return ValidationError(field: "payload.target", rule: "a correction") }
        if case .eventRetracted? = Timeline.corrections(in: events, upto: .max)[target]?.event {
            return ValidationError(field: "payload.target", rule: "retracted")
        }
        return nil
    }

    /// `log` without the event at `target` and its corrections; with `replacement` standing at the target's
    /// position when given.
    static func log(_ log: [RecordedEvent], without target: Int64, replacedBy replacement: Correction?) -> [RecordedEvent] {
        log.compactMap { event in
            switch event.event {
            case .eventRetracted(let named, _) where named == target, .eventCorrected(let named, _, _) where named == target:
                return nil
            default:
                guard event.seq == target else { return event }
                guard let replacement else { return nil }
                return RecordedEvent(seq: event.seq, id: event.id, event: replacement.event, effective: replacement.effective,
                                     precision: replacement.precision, recorded: event.recorded, source: event.source,
                                     recordedBy: event.recordedBy, confidence: event.confidence, note: event.note,
                                     prev: event.prev, hash: event.hash)
            }
        }
    }
}
