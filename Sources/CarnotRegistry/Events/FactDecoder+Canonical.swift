extension FactDecoder {
    /// The fact of a body written exactly as `EventSchema.body(of:)` writes it, or nil for any other body.
    ///
    /// Replay's lane for the bodies it meets: a stored body is canonical (sorted members, no whitespace, no
    /// null, `note` only when there is one), so its members need no lookup. Each step compares the next
    /// key with its punctuation as bytes (`,"recorded":`) where `decodeBody` finds a member, recognises its
    /// key, checks it is allowed and not repeated, and works out which key comes next. The values go
    /// through the very readers and checks `decodeBody` runs on them, in the same order, and the payload
    /// through `readPayload` itself.
    ///
    /// It never refuses: at the first byte, value or rule that is not what the canonical shape and the
    /// checks expect, it gives up (nil) and the caller reads the body from its start with `decodeBody`,
    /// which accepts or refuses it, with its own error, as it always did. So what it accepts, `decodeBody`
    /// accepts with the same fact, and what `decodeBody` refuses, it does not accept
    /// (`CanonicalLaneDifferentialTests`).
    static func canonicalFact(_ s: inout CanonicalScanner) -> StoredFact? {
        guard s.consume("{\"confidence\":"), s.readQuoted(Confidence.self) != nil,
              s.consume(",\"effective\":"), let effective = try? s.dateValue("effective"),
              s.consume(",\"id\":"), checkedText(&s, maximum: 64)
        else { return nil }
        if s.consume(",\"note\":") {
            guard checkedText(&s, maximum: JSONFields.maximumTextLength) else { return nil }
        }
        var payload = PayloadFields()
        guard s.consume(",\"payload\":{"), (try? readPayload(&s, into: &payload, nested: false)) != nil,
              s.consume(",\"precision\":"), let precision = s.readQuoted(DatePrecision.self),
              s.consume(",\"recorded\":"), (try? s.timestampValue("recorded")) != nil,
              s.consume(",\"recordedBy\":"), checkedText(&s, maximum: 200),
              s.consume(",\"schema\":"), let schema = try? s.integer("schema"),
              s.consume(",\"seq\":"), let seq = try? s.integer("seq"), seq >= 1,
              s.consume(",\"source\":"), checkedText(&s, maximum: JSONFields.maximumTextLength),
              s.consume(",\"type\":"), let kind = try? Kind.read(&s),
              s.consume(UInt8(ascii: "}")), s.isAtEnd(),
              let version = try? kind.checkVersion(schema, field: "schema"),
              effective.date.precision == .day, (try? checkAligned(effective, precision)) != nil,
              let event = try? makeEvent(kind, version: version, &payload)
        else { return nil }
        return StoredFact(event: event, effective: effective.date.day, precision: precision)
    }

    /// True when the next value is a string `CanonicalScanner.checkText` accepts with `maximum`, as
    /// `decodeBody` checks the envelope's texts it does not keep.
    @inline(__always)
    private static func checkedText(_ s: inout CanonicalScanner, maximum: Int) -> Bool {
        guard let token = try? s.stringToken("") else { return false }
        return (try? s.checkText(token, field: "", maximum: maximum)) != nil
    }
}
