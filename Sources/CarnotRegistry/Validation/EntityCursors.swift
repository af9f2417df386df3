/// The records a write's validation has folded, kept and advanced in valid time within the write, so that a
/// decision of thousands of back-dated events folds each entity's facts once instead of once per event that
/// reads it (`EventStore.cursorStates`).
///
/// A cursor holds one key's record (`Event.recordKeys`) on `day` as known at position `upto`: the fold of
/// every standing fact writing the key with an effective day on or before `day`, recorded at or before
/// `upto`. Moving it to a later day and a later position applies the key's facts in between, in fold order
/// (effective day, then position); that is exact as long as no fact written after `upto` takes effect before
/// `day`, and no retraction or correction changed which facts stand. The validator tells the cursors of each
/// event it accepts (`accepted`), which the write inserts next, and they drop what such an event breaks.
///
/// Kept for one write transaction only (`EventStore.forgetWriteCaches`).
struct EntityCursors {
    struct Cursor {
        let key: String
        var day: Day
        var upto: Int64
        /// The key's record alone (every other record is absent).
        var state: RegistryState
        /// When the cursor was made with the record as the write found it: the fold of the facts recorded at
        /// or before `base` only (the log before the write's own events), beside `state`. Once both agree
        /// after every fact the write added, the rest of the log changes both alike, so the record after
        /// every fact is the one the write found (`original`): the settle at the end need not read the
        /// key's later facts.
        var before: (base: Int64, state: RegistryState, original: RegistryState)?
        /// How many facts written after `before.base` the cursor has still to apply.
        var unapplied = 0
    }

    private(set) var cursors: [String: Cursor] = [:]
    /// The position the cursors are known to be exact at (for the events after their `upto`).
    private(set) var known: Int64 = -1
    /// The event accepted last, which the write inserts next at `known + 1`: its records and day; nil keys
    /// for a retraction or correction, which drops every cursor.
    private var pending: (day: Day, keys: Set<String>?)?

    /// The cursors, exact at `head`: catches up with the event accepted last if `head` is its position;
    /// forgets every cursor if the log is anywhere else than expected.
    mutating func catchUp(to head: Int64) {
        defer { pending = nil }
        guard head != known else { return }
        guard head == known + 1, let (day, keys) = pending, let keys else {
            cursors = [:]
            known = head
            return
        }
        known = head
        for key in keys {
            guard var cursor = cursors[key] else { continue }
            // Folded after the cursor's day, it would be applied in the wrong place.
            guard cursor.day <= day else {
                cursors[key] = nil
                continue
            }
            if cursor.before != nil { cursor.unapplied += 1 }
            cursors[key] = cursor
        }
    }

    /// Notes the event accepted at `head` (`known`), which the write inserts next.
    mutating func accepted(_ event: Event, on day: Day, at head: Int64) {
        guard head == known else {
            cursors = [:]
            return
        }
        pending = (day, event.isCorrection ? nil : event.recordKeys)
    }

    /// The cursor of `key` usable on `day` at the known position: nil when there is none or it lies later.
    func cursor(_ key: String, on day: Day) -> Cursor? {
        guard let cursor = cursors[key], cursor.day <= day else { return nil }
        return cursor
    }

    mutating func store(_ cursor: Cursor, for key: String) {
        cursors[key] = cursor
    }

    mutating func forget(_ key: String) {
        cursors[key] = nil
    }
}
