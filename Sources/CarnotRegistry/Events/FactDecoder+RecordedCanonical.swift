extension FactDecoder {
    /// The texts of the envelope the last event read kept, which the next one most often repeats (a source,
    /// who recorded it): a lane given it builds such a text once per run of events that share it.
    struct RecentTexts {
        var source = ""
        var recordedBy = ""
        /// The last chain columns found to be digests: a walk that does not read the chain gives every event
        /// the genesis hash as both, checked once instead of twice per event.
        var digests: (prev: String, hash: String)?

        /// True when `prev` and `hash` are digests (`EventSchema.isHexDigest`), as the last ones were.
        mutating func areDigests(_ prev: String, _ hash: String) -> Bool {
            if let digests, digests.prev == prev, digests.hash == hash { return true }
            guard EventSchema.isHexDigest(prev), EventSchema.isHexDigest(hash) else { return false }
            digests = (prev, hash)
            return true
        }
    }

    /// The recorded event of a stored body written exactly as `EventSchema.body(of:)` writes it, with the
    /// chain columns `prev` and `hash`, or nil for any other body: the lane `carnot history` reads its
    /// events through, in front of `decodeRecorded(_:prev:hash:)`.
    ///
    /// As `canonicalFact` stands in front of `decode(_:)`: each member is expected in canonical order and
    /// found by comparing its key and punctuation as bytes; values go through the very readers and checks
    /// `decodeBody` runs on them, the payload through `readPayload` itself, the event through `makeEvent`.
    /// It never refuses: at the first byte, value or rule that is not what the canonical shape and the
    /// checks expect, it gives up (nil) and the caller decodes the body with `decodeRecorded`, which accepts
    /// or refuses it as it always did. So what it accepts, `decodeRecorded` accepts with the same event,
    /// and what `decodeRecorded` refuses, it does not accept (`RecordedLaneDifferentialTests`).
    ///
    /// A `source` or `recordedBy` whose bytes are those of the text `recent` holds is that text, checked
    /// but not built again.
    static func canonicalRecorded(_ body: UnsafeRawBufferPointer, prev: String, hash: String,
                                  recent: inout RecentTexts) -> RecordedEvent? {
        guard let base = body.baseAddress, !body.isEmpty, recent.areDigests(prev, hash) else { return nil }
        var s = CanonicalScanner(base: base.assumingMemoryBound(to: UInt8.self), count: body.count)
        guard s.consume("{\"confidence\":"), let confidence = s.readQuoted(Confidence.self),
              s.consume(",\"effective\":"), let effective = try? s.dateValue("effective"),
              s.consume(",\"id\":"), let id = keptText(&s, maximum: 64)
        else { return nil }
        var note: String?
        if s.consume(",\"note\":") {
            guard let text = keptText(&s, maximum: JSONFields.maximumTextLength) else { return nil }
            note = text
        }
        var payload = PayloadFields()
        guard s.consume(",\"payload\":{"), (try? readPayload(&s, into: &payload, nested: false)) != nil,
              s.consume(",\"precision\":"), let precision = s.readQuoted(DatePrecision.self),
              s.consume(",\"recorded\":"), let recorded = try? s.timestampValue("recorded"),
              s.consume(",\"recordedBy\":"), let recordedBy = keptText(&s, maximum: 200, reusing: &recent.recordedBy),
              s.consume(",\"schema\":"), let schema = try? s.integer("schema"),
              s.consume(",\"seq\":"), let seq = try? s.integer("seq"), seq >= 1,
              s.consume(",\"source\":"),
              let source = keptText(&s, maximum: JSONFields.maximumTextLength, reusing: &recent.source),
              s.consume(",\"type\":"), let kind = try? Kind.read(&s),
              s.consume(UInt8(ascii: "}")), s.isAtEnd(),
              let version = try? kind.checkVersion(schema, field: "schema"),
              effective.date.precision == .day, (try? checkAligned(effective, precision)) != nil,
              let event = try? makeEvent(kind, version: version, &payload)
        else { return nil }
        return RecordedEvent(seq: seq, id: id, schema: version, event: event, effective: effective.date.day,
                             precision: precision, recorded: recorded, source: source, recordedBy: recordedBy,
                             confidence: confidence, note: note, prev: prev, hash: hash)
    }

    /// The next value as `decodeBody` keeps a text of the envelope (`CanonicalScanner.text`), or nil where
    /// that refuses it.
    @inline(__always)
    private static func keptText(_ s: inout CanonicalScanner, maximum: Int) -> String? {
        guard let token = try? s.stringToken("") else { return nil }
        return try? s.text(token, field: "", maximum: maximum)
    }

    /// As `keptText(_:maximum:)`, but a text whose raw bytes are `recent`'s is `recent`: `text` gives back
    /// the unescaped bytes it accepts as they are, so the same bytes give the same text. Otherwise the text
    /// read becomes `recent`.
    @inline(__always)
    private static func keptText(_ s: inout CanonicalScanner, maximum: Int, reusing recent: inout String) -> String? {
        guard let token = try? s.stringToken("") else { return nil }
        if !token.isEscaped, s.bytes(of: token, equalUTF8Of: recent) {
            return (try? s.checkText(token, field: "", maximum: maximum)) != nil ? recent : nil
        }
        guard let text = try? s.text(token, field: "", maximum: maximum) else { return nil }
        recent = text
        return text
    }
}
