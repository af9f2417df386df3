/// For each field that its last event decides (a name, a director, a parent; whether an entity exists or was
/// merged away), the fold position of the last fact that wrote it: what lets a back-dated rename or
/// appointment skip refolding the log.
///
/// Applying facts in (effective day, position) order, a field written by "the last writer wins" ends with
/// the value of its last writer. A back-dated event X that writes such a field, and that no other event's
/// apply reads, commutes with every later fact that does not write the same field. So when the index shows
/// a later writer, X changes nothing now; when it shows none, applying X to the current state gives exactly
/// what a refold would. Likewise, if nothing read by X's rule was written after X's day, the current state
/// agrees with the state on that day for X's validation.
///
/// The index is exact for facts effective after `coverage` (nil: all facts) and knows nothing before it;
/// a question it cannot answer returns nil, and the caller refolds.
struct LastWrites {
    enum Field: Hashable {
        case exists(EntityID)
        case merged(EntityID)
        case name(EntityID)
        case director(EntityID)
        case parent(EntityID)
    }

    private var last: [Field: Day] = [:]
    /// Facts effective on or before this day may be missing from the index.
    private(set) var coverage: Day?

    init(coverage: Day?) { self.coverage = coverage }

    /// Records the fields `event` writes; called for facts in fold order only.
    mutating func record(_ event: Event, on day: Day) {
        for field in Self.writes(of: event) { last[field] = day }
    }

    /// Forgets what facts after `day` wrote (before refolding them from `day`): the refold records them again.
    mutating func forget(after day: Day?) {
        guard let day else {
            last = [:]
            coverage = nil
            return
        }
        last = last.filter { $0.value <= day }
        coverage = coverage.map { min($0, day) }
    }

    /// What a back-dated `event` on `day` does to the state after every fact: `true` when applying it to
    /// that state is exact (it is the last writer of its field), `false` when a later fact overwrites it (the
    /// state stays as it is), nil when it does not commute or the index cannot tell.
    func appliesOnTop(_ event: Event, on day: Day) -> Bool? {
        guard let field = Self.commutingWrite(of: event), let written = lastWrite(field) else { return nil }
        return written.map { $0 <= day } ?? true
    }

    /// True when nothing `event`'s rule reads was written after `day`: then the state after every fact
    /// answers its validation exactly as the state on `day` would.
    func currentAgrees(for event: Event, on day: Day) -> Bool {
        guard let fields = Self.commutingReads(of: event) else { return false }
        return fields.allSatisfy { field in
            guard let written = lastWrite(field) else { return false }
            return written.map { $0 <= day } ?? true
        }
    }

    /// The day of the last write of `field`: `.some(nil)` when the index knows there is none, nil when it
    /// cannot know.
    private func lastWrite(_ field: Field) -> Day?? {
        if let day = last[field] { return .some(day) }
        return coverage == nil ? .some(nil) : nil
    }

    /// The one field written by the events that commute (renames, director appointments, parent changes).
    static func commutingWrite(of event: Event) -> Field? {
        switch event {
        case .instituteRenamed(let id, _), .schoolRenamed(let id, _): .name(id)
        case .directorAppointed(let id, _): .director(id)
        case .schoolParentChanged(let id, _): .parent(id)
        default: nil
        }
    }

    /// What the rule of a commuting event reads (see `DecisionValidator+Rules`).
    static func commutingReads(of event: Event) -> [Field]? {
        switch event {
        case .instituteRenamed(let id, _): [.exists(id), .name(id)]
        case .directorAppointed(let id, let person): [.exists(id), .exists(person)]
        case .schoolRenamed(let id, _): [.exists(id), .merged(id), .name(id)]
        case .schoolParentChanged(let id, _): [.exists(id), .merged(id), .parent(id)]
        default: nil
        }
    }

    /// Every field `event` writes, as `RegistryState.apply` does.
    static func writes(of event: Event) -> [Field] {
        switch event {
        case .instituteRegistered(let id, _, _): [.exists(id), .name(id), .director(id)]
        case .instituteRenamed(let id, _), .schoolRenamed(let id, _): [.name(id)]
        case .directorAppointed(let id, _): [.director(id)]
        case .schoolRegistered(let id, _, _): [.exists(id), .name(id), .parent(id)]
        case .schoolParentChanged(let id, _): [.parent(id)]
        case .schoolsMerged(let merged, let into, _, _):
            // `into` is a new school (the rule requires an unused id): its record is written whole.
            merged.map { .merged($0) } + [.exists(into), .name(into), .parent(into)]
        case .personRegistered(let id, _, _), .consortiumFormed(let id, _), .callOpened(let id, _, _): [.exists(id)]
        default: []
        }
    }
}
