extension FactDecoder {
    /// The members of a recorded event besides its fact: what `log`, `history` and `export` show, and what
    /// replay checks without building (`Reading.fact` leaves the texts empty).
    struct Envelope {
        var seq: Int64 = 0
        var id = ""
        var recorded = Timestamp(microseconds: 0)
        var source = ""
        var recordedBy = ""
        var confidence = Confidence.confirmed
        var note: String?
        var prev = ""
        var hash = ""
    }

    /// Decodes a stored body and the chain columns stored beside it into the recorded event
    /// `EventSchema.decodeRecorded` gives for the body with `prev` and `hash` set to them.
    ///
    /// The same reader as `decode(_:)`, keeping the envelope instead of skipping it; it refuses what the
    /// slow path refuses, and a body holding `prev` or `hash` besides. Its refusals name the field and the
    /// rule, but not always as the slow path words them: readers that show errors to users fall back to the
    /// slow path for what this refuses (`EventStore.decode(_:)`, `LogFile.entry`).
    ///
    /// ```swift
    /// let event = try FactDecoder.decodeRecorded(body, prev: row.text(2), hash: row.text(3))
    /// ```
    /// - Throws: `EventFormatError` naming the field and the rule, as `decode(_:)`.
    public static func decodeRecorded(_ body: UnsafeRawBufferPointer, prev: String,
                                      hash: String) throws(EventFormatError) -> RecordedEvent {
        for (name, value) in [("prev", prev), ("hash", hash)] where !EventSchema.isHexDigest(value) {
            throw EventFormatError(field: name, value: value, rule: "must be 64 lower-case hex digits")
        }
        var envelope = Envelope()
        envelope.prev = prev
        envelope.hash = hash
        return try recorded(body, .body, &envelope)
    }

    /// Decodes a stored body held in an array (see `decodeRecorded(_:prev:hash:)`).
    public static func decodeRecorded(_ body: [UInt8], prev: String, hash: String) throws(EventFormatError) -> RecordedEvent {
        let result: Result<RecordedEvent, EventFormatError> = body.withUnsafeBytes { buffer in
            Result { () throws(EventFormatError) in try decodeRecorded(buffer, prev: prev, hash: hash) }
        }
        return try result.get()
    }

    /// Decodes one published line, which holds `prev` and `hash` among its members, into the recorded event
    /// `EventSchema.decodeRecorded` gives for it. Whether the line is canonical is its reader's to check.
    /// - Throws: `EventFormatError` naming the field and the rule, as `decode(_:)`.
    public static func decodeLine(_ line: UnsafeRawBufferPointer) throws(EventFormatError) -> RecordedEvent {
        var envelope = Envelope()
        return try recorded(line, .line, &envelope)
    }

    private static func recorded(_ bytes: UnsafeRawBufferPointer, _ reading: Reading,
                                 _ envelope: inout Envelope) throws(EventFormatError) -> RecordedEvent {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw EventFormatError(field: "", rule: "the body is empty: a stored event is one JSON object")
        }
        var scanner = CanonicalScanner(base: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        let (fact, schema) = try decodeBody(&scanner, reading, &envelope)
        return RecordedEvent(seq: envelope.seq, id: envelope.id, schema: schema, event: fact.event,
                             effective: fact.effective, precision: fact.precision, recorded: envelope.recorded,
                             source: envelope.source, recordedBy: envelope.recordedBy,
                             confidence: envelope.confidence, note: envelope.note, prev: envelope.prev,
                             hash: envelope.hash)
    }
}
