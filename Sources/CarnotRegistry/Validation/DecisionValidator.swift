/// Checks a decision against the registry before it is appended.
///
/// Each event is checked against the state on its own effective day, as the log stands plus the events
/// before it in the same decision: a decision may register an institute and grant it a label at once.
/// Identifiers are checked against every registration known, whatever its date, so an id always names one
/// entity.
public struct DecisionValidator {
    private let view: LogView

    /// - Parameter view: the log as it stands.
    public init(view: LogView) { self.view = view }

    /// Validates `drafts` as one decision.
    /// - Throws: `ValidationError` for the first event that breaks a rule.
    public func validate(_ drafts: [EventDraft]) throws(ValidationError) {
        var working = view
        for (index, draft) in drafts.enumerated() {
            do {
                try check(draft.event, effective: draft.effective, in: working)
            } catch {
                var located = error
                located.index = index
                throw located
            }
            if index < drafts.count - 1 {
                working.append(RecordedEvent(
                    seq: working.head + 1, id: draft.id ?? "", event: draft.event, effective: draft.effective,
                    precision: draft.precision, recorded: Timestamp(microseconds: 0), source: draft.source,
                    recordedBy: draft.recordedBy, confidence: draft.confidence, note: draft.note,
                    prev: "", hash: ""))
            }
        }
    }

    /// Validates one already-recorded event against the log before it (used by import).
    public func validate(_ recorded: RecordedEvent) throws(ValidationError) {
        try check(recorded.event, effective: recorded.effective, in: view)
    }

    private func check(_ event: Event, effective: Day, in log: LogView) throws(ValidationError) {
        switch event {
        case .eventRetracted(let target, _):
            _ = try correctionTarget(target, in: log)
        case .eventCorrected(let target, _, let replacement):
            let original = try correctionTarget(target, in: log)
            // The replacement must hold where the original stood: check it on a log without the original and
            // without the earlier corrections of it, since this one will decide.
            let without = LogView(events: log.events.filter { event in
                switch event.event {
                case .eventRetracted(let earlier, _), .eventCorrected(let earlier, _, _): earlier != original.seq
                default: event.seq != original.seq
                }
            })
            do {
                try checkDomain(replacement.event, effective: replacement.effective,
                                on: without.state(at: replacement.effective), allTime: without.current)
            } catch {
                var nested = error
                nested.field = "payload.replacement." + error.field
                throw nested
            }
        default:
            try checkDomain(event, effective: effective, on: log.state(at: effective), allTime: log.current)
        }
    }

    private func correctionTarget(_ target: Int64, in log: LogView) throws(ValidationError) -> RecordedEvent {
        // Positions are gapless from 1, so the event at `target` is at index target - 1.
        guard target >= 1, target <= log.head else {
            throw ValidationError(field: "payload.target", value: String(target),
                                  rule: "no event at this position (the log holds 1...\(log.head)); see `carnot log`")
        }
        let original = log.events[Int(target - 1)]
        guard !original.event.isCorrection else {
            throw ValidationError(field: "payload.target", value: String(target),
                                  rule: "is itself a correction; correct or retract the original event instead")
        }
        return original
    }
}
