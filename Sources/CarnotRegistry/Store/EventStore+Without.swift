extension EventStore {
    /// The registry as it would stand without `original` and every correction of it: on `day`, and after
    /// every fact. Validating a correction needs both, since the correction takes the original's place.
    func states(without original: RecordedEvent, replacedBy replacement: Event, at day: Day, live: LiveState)
        throws -> (onDay: RegistryState, allTime: RegistryState) {
        // Start before every fact the original has stood for: its own day and its replacements' days.
        var earliest = original.effective
        var events = [original.event]
        var position = live.corrections.deciding(original.seq, upto: live.head.seq)
        while let correction = position {
            if let replaced = correction.day {
                earliest = min(earliest, replaced)
                if case .eventCorrected(_, _, let replacement)? = try fact(at: correction.seq)?.event {
                    events.append(replacement.event)
                }
            }
            position = live.corrections.deciding(original.seq, upto: correction.seq - 1)
        }
        let start = min(earliest.adding(days: -1), day)
        let base = try validCheckpoint(onOrBefore: start, upto: live.head.seq)
        // When neither the original, its replacements nor the new replacement register anything or read label
        // terms and results over the whole log, the current state answers the rules' questions about ids
        // and terms; only then can the fold stop at `day`.
        let registers = (events + [replacement]).contains(where: \.readsAllTime)
        var onDay = RegistryState()
        let allTime = try fold(base?.state ?? RegistryState(), after: base?.day, through: registers ? nil : day,
                               upto: live.head.seq, corrections: live.corrections, excluding: original.seq,
                               capturing: [day]) { _, state in onDay = state }
        return (onDay, registers ? allTime.state : live.current)
    }
}
