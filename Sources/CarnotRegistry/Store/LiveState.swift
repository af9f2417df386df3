/// What a store process keeps in memory between operations: the head of the log, the state after every
/// fact, and the corrections. Never the events themselves, so memory does not grow with the log.
struct LiveState {
    /// The last position and its hash.
    var head = LogHead.empty
    /// The record time of the head (record time never decreases along the log).
    var lastRecorded = Timestamp(microseconds: 0)
    /// The state after every fact known at `head`, whatever its day; inside a write, except the records
    /// named in `unsettled`.
    var current = RegistryState()
    /// The records of `current` that back-dated events, retractions or corrections of the write in progress
    /// changed and that are not folded again yet (`EventStore.settle`). A decision of thousands of
    /// back-dated events then folds each record once, when something reads it or when the write ends, not
    /// once per event. Empty outside a write.
    var unsettled: Set<String> = []
    /// The earliest day the unsettled records changed on (nil when none is unsettled).
    var unsettledFrom: Day?
    /// No fact known at `head` is effective after this day (nil for an empty log). It may lie after the
    /// true latest fact (after a retraction), which only makes more appends count as back-dated.
    var latestEffective: Day?
    var corrections = CorrectionIndex()
    /// The position of the newest checkpoint written at the front of valid time.
    var lastCheckpointPosition: Int64 = 0
    /// The latest day of any checkpoint, so that appends after it skip the invalidation query.
    var latestCheckpointDay: Day?
    /// True when the current write left the checkpoint at the front of valid time stale in a way a process
    /// that loads should not mend (`EventStore.absorb`): a retraction or a correction (or a change whose records
    /// are unknown), an interval of back-dated events without a front one, or more changed records than
    /// `EventStore.loaderRefoldLimit`. It is then written again before the write commits
    /// (`refreshFrontCheckpoint`). Otherwise a back-dated event leaves it stale: a loader folds its records again.
    var frontCheckpointStale = false

    /// True when an event effective on `day` takes effect before facts already known, so that the state
    /// after it cannot be had by applying it to `current`.
    func isBackDated(_ day: Day) -> Bool { latestEffective.map { day < $0 } ?? false }

    /// The unsettled records that `event`, effective on `day`, reads when it is validated and absorbed; nil
    /// for all of them.
    ///
    /// - A retraction or a correction reads the state widely (its dependents): all of them.
    /// - An event at the front of valid time is checked against `current` and applied to it: the records of
    ///   its rule keys and of the keys it writes.
    /// - A back-dated event is checked against records folded from the entity index. It reads `current`, the
    ///   records of all time, for an institute's label terms and a call's results (`readsAllTimeRecords`):
    ///   then its rule keys. Otherwise it reads `current` only for which ids exist at any time
    ///   (`Rules.unused`, error messages). An id's kind never changes once registered (only a retraction or a
    ///   correction can remove an entity, and those settle everything), so only the ids that `current` lacks,
    ///   registered by unsettled events.
    func unsettled(readBy event: Event, on day: Day) -> Set<String>? {
        guard !unsettled.isEmpty else { return [] }
        switch event {
        case .eventRetracted, .eventCorrected:
            return nil
        default:
            if isBackDated(day), !event.readsAllTimeRecords {
                return event.ruleKeys.intersection(unsettled).filter { key in EntityID(key).map { current.kind(of: $0) == nil } ?? true }
            }
            return event.ruleKeys.union(event.recordKeys).intersection(unsettled)
        }
    }
}
