/// What reading a published line proves of it besides its event, worked out where the line is read
/// (`LogFile.entry`), so that an import's own thread, the one that holds SQLite, need not: with
/// `LogFile.Prefetcher` that is another core.
///
/// All are pure work on the line and its event: the Merkle leaf and the entity index rows an insert adds,
/// and the check that the body reads back as the event through the replay decoder
/// (`EventSchema.checkReadable`), which an import makes of every event it appends.
struct LineProof: Sendable {
    /// `MerkleHash.leaf` of the line, which was proven canonical and hashing to its event's `hash`.
    let leafHash: [UInt8]
    /// The rows the event is filed under in the entity index (`EventStore.entityRows`).
    let entityRows: [EventStore.EntityRow]
    /// Why the body does not read back as the event through the replay decoder, or nil when it does. An
    /// import refuses the event where it checks that, after the chain's checks, as it always has.
    let unreadable: EventFormatError?

    /// Proves `line`, whose event and body `LogFile.entry` read and checked.
    init(line: [UInt8], event: RecordedEvent, body: [UInt8]) {
        leafHash = MerkleHash.leaf(line)
        entityRows = EventStore.entityRows(seq: event.seq, event: event.event, effective: event.effective)
        do {
            try EventSchema.checkReadable(event, body: body, fullReaderDone: true)
            unreadable = nil
        } catch {
            unreadable = error
        }
    }
}
