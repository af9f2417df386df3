/// Checks an event against the registry before it is appended.
///
/// Each event is checked against the records it reads on its own effective day as the log stands (folded
/// from the entity index, `EventStore.entityStates`), which include the earlier events of its decision: they are inserted first, in the same transaction, so a decision may
/// register an institute and grant it a label at once. Identifiers are checked against every registration
/// known, whatever its date, so an id always names one entity.
struct DecisionValidator {
    let store: EventStore

    /// Validates one event effective on `effective`.
    /// - Throws: `ValidationError` when it breaks a rule; `StoreError` or `SQLiteError` when the log cannot
    ///   be read.
    func validate(_ event: Event, effective: Day) throws {
        let live = try store.liveState()
        store.entityCursors.catchUp(to: live.head.seq)
        try check(event, effective: effective, live: live)
        // The write inserts it next: the cursors must know, to stay exact or drop what it breaks.
        store.entityCursors.accepted(event, on: effective, at: live.head.seq)
    }

    private func check(_ event: Event, effective: Day, live: LiveState) throws {
        switch event {
        case .eventRetracted(let target, _):
            let original = try correctionTarget(target, live: live)
            try checkDependents(of: target, original: original, replacement: nil, live: live)
        case .eventCorrected(let target, _, let replacement):
            let original = try correctionTarget(target, live: live)
            // The replacement must hold where the original stood: check it on the log without the original
            // and without the earlier corrections of it, since this one will decide. An original this build
            // cannot decode is already left out of every fold.
            // Folded from a checkpoint before every day the original has stood on, and the replacement's.
            let start = try store.earliestDay(standingFor: target, live: live).map { min($0, replacement.effective) } ?? replacement.effective
            let without = try store.entityStates(replacement.event.ruleKeys, on: replacement.effective, upto: live.head.seq,
                                                 corrections: live.corrections, excluding: target,
                                                 from: store.validCheckpoint(onOrBefore: start.adding(days: -1), upto: live.head.seq))
            do {
                try checkDomain(replacement.event, effective: replacement.effective, on: without.onDay,
                                allTime: without.allTime)
            } catch {
                var nested = error
                nested.field = "payload.replacement." + error.field
                throw nested
            }
            try checkDependents(of: target, original: original, replacement: replacement, live: live)
        default:
            // The rules read only the records of the entities the event names (`Event.ruleKeys`). At the front of
            // valid time they are those of the state after every fact; before it, they come from the write's
            // cursors (`EntityCursors`), or are folded from the entity index, from the newest checkpoint on or
            // before the day that holds their records: a few of the entity's facts.
            let onDay = if live.isBackDated(effective) {
                try store.cursorStates(event.ruleKeys, on: effective, live: live)
                    ?? store.entityStates(event.ruleKeys, on: effective, allTime: false, upto: live.head.seq, corrections: live.corrections,
                                          from: store.checkpoint(onOrBefore: effective, upto: live.head.seq, holding: event.ruleKeys)).onDay
            } else {
                live.current
            }
            try checkDomain(event, effective: effective, on: onDay, allTime: live.current)
        }
    }

    /// The event a retraction or correction names, checked: in the log, not itself a correction, not
    /// already retracted. Nil when this build cannot decode it (an event written by an older or faulty build,
    /// which can always be retracted or corrected).
    private func correctionTarget(_ target: Int64, live: LiveState) throws -> RecordedEvent? {
        let head = live.head.seq
        guard target >= 1, target <= head,
              let type = try store.connection.statement("SELECT type FROM events WHERE seq = ?1").first([.integer(target)], { $0.text(0) })
        else {
            throw ValidationError(field: "payload.target", value: String(target),
                                  rule: "no event at this position (the log holds 1...\(head)); see `carnot log`")
        }
        guard type != "event.retracted", type != "event.corrected" else {
            throw ValidationError(field: "payload.target", value: String(target),
                                  rule: "is itself a correction; correct or retract the original event instead")
        }
        if let deciding = live.corrections.deciding(target, upto: head), deciding.day == nil {
            throw ValidationError(field: "payload.target", value: String(target),
                                  rule: "was already retracted by event \(deciding.seq); a retracted event cannot be retracted or corrected again (record the fact anew if it holds after all)")
        }
        do {
            return try store.events(from: target, through: target).first
        } catch {
            guard case .integrity = error else { throw error }
            return nil
        }
    }

    /// Refuses a retraction or correction that would leave a later event standing that the rules refuse.
    private func checkDependents(of target: Int64, original: RecordedEvent?, replacement: Correction?, live: LiveState) throws {
        let broken = try store.brokenDependents(of: target, original: original, replacement: replacement, live: live)
        guard let first = broken.first else { return }
        let positions = broken.map { String($0.seq) }.joined(separator: ", ")
        let what = replacement == nil ? "without it" : "with this replacement"
        throw ValidationError(field: "payload.target", value: String(target),
                              rule: "later events depend on it: \(what), event \(first.seq) would break a rule (\(first.error)); retract or correct \(positions) first")
    }
}
