/// Checks an event against the registry before it is appended.
///
/// Each event is checked against the state on its own effective day as the log stands, which includes the
/// earlier events of its decision: they are inserted first, in the same transaction, so a decision may
/// register an institute and grant it a label at once. Identifiers are checked against every registration
/// known, whatever its date, so an id always names one entity.
struct DecisionValidator {
    let store: EventStore

    /// Validates one event effective on `effective`.
    /// - Throws: `ValidationError` when it breaks a rule; `StoreError` or `SQLiteError` when the log cannot
    ///   be read.
    func validate(_ event: Event, effective: Day) throws {
        let live = try store.liveState()
        switch event {
        case .eventRetracted(let target, _):
            _ = try correctionTarget(target, head: live.head.seq)
        case .eventCorrected(let target, _, let replacement):
            let original = try correctionTarget(target, head: live.head.seq)
            // The replacement must hold where the original stood: check it on the log without the original
            // and without the earlier corrections of it, since this one will decide.
            let without = try store.states(without: original, at: replacement.effective, live: live)
            do {
                try checkDomain(replacement.event, effective: replacement.effective, on: without.onDay,
                                allTime: without.allTime)
            } catch {
                var nested = error
                nested.field = "payload.replacement." + error.field
                throw nested
            }
        default:
            // A back-dated rename or appointment whose rule reads nothing written since its day is checked
            // against the current state, which agrees with that day on all it reads (`LastWrites`).
            let state = live.lastWrites.currentAgrees(for: event, on: effective)
                ? live.current : try store.state(at: effective, upto: live.head.seq, live: live)
            try checkDomain(event, effective: effective, on: state, allTime: live.current)
        }
    }

    private func correctionTarget(_ target: Int64, head: Int64) throws -> RecordedEvent {
        guard target >= 1, target <= head, let original = try store.events(from: target, through: target).first else {
            throw ValidationError(field: "payload.target", value: String(target),
                                  rule: "no event at this position (the log holds 1...\(head)); see `carnot log`")
        }
        guard !original.event.isCorrection else {
            throw ValidationError(field: "payload.target", value: String(target),
                                  rule: "is itself a correction; correct or retract the original event instead")
        }
        return original
    }
}
