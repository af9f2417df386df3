extension EventStore {
    /// The registry as it would stand without `original` and every correction of it: on `day`, and after
    /// every fact. Validating a correction needs both, since the correction takes the original's place.
    func states(without original: RecordedEvent, at day: Day, live: LiveState)
        throws -> (onDay: RegistryState, allTime: RegistryState) {
        // Start before every fact the original has stood for: its own day and its replacements' days.
        var earliest = original.effective
        var position = live.corrections.deciding(original.seq, upto: live.head.seq)
        while let correction = position {
            if let replaced = correction.day { earliest = min(earliest, replaced) }
            position = live.corrections.deciding(original.seq, upto: correction.seq - 1)
        }
        let start = min(earliest.adding(days: -1), day)
        let base = try validCheckpoint(onOrBefore: start, upto: live.head.seq)
        var onDay = RegistryState()
        let allTime = try fold(base?.state ?? RegistryState(), after: base?.day, upto: live.head.seq,
                               corrections: live.corrections, excluding: original.seq,
                               capturing: [day]) { _, state in onDay = state }
        return (onDay, allTime.state)
    }
}
