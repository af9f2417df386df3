@testable import CarnotRegistry

/// Chains events by hand, without the store's rules: how a log that breaks a rule yet hashes correctly is
/// made, to check that import validates what it is given rather than trusting the chain.
enum HandWrittenLog {
    /// `drafts` at positions 1...n, chained from the genesis hash, recorded by `environment`'s clock, each with
    /// a new id unless `ids` gives the one at its offset.
    static func chain(_ drafts: [EventDraft], environment: FixedEnvironment = FixedEnvironment(),
                      ids: [Int: String] = [:]) -> [RecordedEvent] {
        var prev = EventSchema.genesisHash
        var events: [RecordedEvent] = []
        for (offset, draft) in drafts.enumerated() {
            let seq = Int64(offset + 1)
            let id = ids[offset] ?? environment.newEventID()
            let recorded = environment.now()
            func event(hash: String) -> RecordedEvent {
                RecordedEvent(seq: seq, id: id, event: draft.event, effective: draft.effective, precision: draft.precision,
                              recorded: recorded, source: draft.source, recordedBy: draft.recordedBy,
                              confidence: draft.confidence, note: draft.note, prev: prev, hash: hash)
            }
            let hash = EventSchema.hash(prev: prev, body: CanonicalJSON.bytes(EventSchema.body(of: event(hash: ""))))
            events.append(event(hash: hash))
            prev = hash
        }
        return events
    }
}
