extension EventSchema {
    /// Refuses an event that the store could write but not read back: the one rule set of the registry.
    ///
    /// Every path into the log (decision subcommands, decision files, imports, corrections) ends at the
    /// store's append, which calls this with the exact bytes it is about to store. Every reader of the store
    /// reads them with the byte decoder, `FactDecoder`: in full (`decodeRecorded(_:prev:hash:)`, used by `log`,
    /// `history`, `export`, `verify`) or for the fact alone (`decode(_:)`, used by every fold), and both
    /// readings run the same code over the members, the fact reading checking each text of the envelope with
    /// the very test the full reading runs before it builds it. So the bytes are read back once, in full, and
    /// must decode to the very event written: no limit or rule of the readers can be missed by a writer, now
    /// or when a reader gains a rule, and whatever append accepts, every reader decodes. (Readers fall back to
    /// the slow path, the JSON tree and `decodeRecorded(_:)`, only for bytes the byte decoder refuses, which
    /// this keeps out of the store.)
    /// - Parameters:
    ///   - event: the event as it will be recorded (its `hash` is not read).
    ///   - body: its canonical body, `CanonicalJSON.bytes(body(of: event))`.
    ///   - fullReaderDone: true when `event` was itself decoded in full from these very bytes (an imported
    ///     line, proven canonical, whose body is the line without its chain members): then only the fact
    ///     reading is left to run.
    /// - Throws: `EventFormatError` naming the field and the reader's rule.
    static func checkReadable(_ event: RecordedEvent, body: [UInt8], fullReaderDone: Bool = false) throws(EventFormatError) {
        if fullReaderDone {
            let fact = try FactDecoder.decode(body)
            guard fact == StoredFact(event: event.event, effective: event.effective, precision: event.precision) else {
                throw EventFormatError(field: "", rule: "the event does not read back as written through the replay decoder")
            }
            return
        }
        let decoded = try FactDecoder.decodeRecorded(body, prev: event.prev, hash: genesisHash)
        guard decoded.event == event.event, decoded.effective == event.effective, decoded.precision == event.precision,
              decoded.schema == event.schema, decoded.seq == event.seq, decoded.id == event.id,
              decoded.recorded == event.recorded, decoded.source == event.source, decoded.recordedBy == event.recordedBy,
              decoded.confidence == event.confidence, decoded.note == event.note else {
            throw EventFormatError(field: "", rule: "the event does not read back as written; this is a bug of the writer, please report it")
        }
    }
}
