extension EventSchema {
    /// Refuses an event that the store could write but not read back: the one rule set of the registry.
    ///
    /// Every path into the log (decision subcommands, decision files, imports, corrections) ends at the
    /// store's append, which calls this with the exact bytes it is about to store. The bytes are read back
    /// through both readers of the log, the full decoder (`decodeRecorded`, used by `log`, `history`,
    /// `export`) and the replay decoder (`FactDecoder`, used by every fold), and must decode to the very
    /// event written. So no limit or rule of the readers can be missed by a writer, now or when a reader
    /// gains a rule: whatever append accepts, every reader decodes.
    /// - Parameters:
    ///   - event: the event as it will be recorded (its `hash` is not read).
    ///   - body: its canonical body, `CanonicalJSON.bytes(body(of: event))`.
    ///   - fullReaderDone: true when `event` was itself decoded by `decodeRecorded` from these very bytes (an
    ///     imported line, proven canonical): then only the replay decoder is left to run.
    /// - Throws: `EventFormatError` naming the field and the reader's rule.
    static func checkReadable(_ event: RecordedEvent, body: [UInt8], fullReaderDone: Bool = false) throws(EventFormatError) {
        let fact = try FactDecoder.decode(body)
        if fullReaderDone {
            guard fact == StoredFact(event: event.event, effective: event.effective, precision: event.precision) else {
                throw EventFormatError(field: "", rule: "the event does not read back as written through the replay decoder")
            }
            return
        }
        let parsed: JSONValue
        do { parsed = try JSONParser.parse(body) } catch {
            throw EventFormatError(field: "", rule: "the event does not read back as JSON: \(error)")
        }
        guard case .object(var fields) = parsed else {
            throw EventFormatError(field: "", rule: "the event does not read back as a JSON object")
        }
        fields["prev"] = .string(event.prev)
        fields["hash"] = .string(genesisHash)
        let decoded = try decodeRecorded(.object(fields))
        let expected = StoredFact(event: event.event, effective: event.effective, precision: event.precision)
        guard fact == expected, decoded.event == event.event, decoded.source == event.source,
              decoded.note == event.note, decoded.recordedBy == event.recordedBy, decoded.id == event.id else {
            throw EventFormatError(field: "", rule: "the event does not read back as written; this is a bug of the writer, please report it")
        }
    }
}
