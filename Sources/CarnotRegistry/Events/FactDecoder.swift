/// Decodes the stored body of an event straight from its bytes into what a replay folds: the event, its
/// effective day and that day's precision; or, in full, into the recorded event (`decodeRecorded(_:prev:hash:)`
/// for a stored body and its chain columns, `decodeLine(_:)` for a published line).
///
/// A body is the canonical JSON `EventSchema.body(of:)` writes. Replay used to read it through
/// `JSONParser.parse` into a `JSONValue` tree and then `EventSchema.decodeRecorded`; this decoder reads the
/// bytes once, compares keys as bytes, builds a `String` only for the text the event keeps, and checks the
/// fields replay does not keep (`seq`, `id`, `recorded`, `source`, `recordedBy`, `confidence`, `note`)
/// without building them.
///
/// It accepts exactly the bodies the slow path accepts and decodes them to the same values: the same JSON
/// syntax (whitespace allowed, members in any order, strict UTF-8, no duplicate keys, whole numbers only),
/// the same field rules (lengths, control characters, ids, dates, schema versions, unknown fields refused,
/// null read as absent). Canonical bodies take the fast lane: members expected in sorted order, names and
/// dates recognised in place. Where the bytes leave a rule open (an escape, a name that is not spelt exactly,
/// a text longer in bytes than its limit in characters) it hands that one value to the slow code's own
/// check. The one difference: a body holding `prev` or `hash` is refused here, where `EventStore` let the
/// chain columns overwrite them; a stored body never holds them.
///
/// The full reading is the same loop over the same members, building the envelope's texts after the very
/// check the fact reading runs on them: whatever one accepts, the other does. Its errors name the field and
/// the rule, but not always in the words of the slow path; readers that show them to users read what it
/// refuses the slow way, so that every message stays the slow path's.
///
/// ```swift
/// let fact = try FactDecoder.decode(body)   // body: [UInt8], the stored JSON of one event
/// state.apply(fact.event, on: fact.effective, precision: fact.precision)
/// ```
public enum FactDecoder {
    /// Decodes one stored body.
    /// - Parameter body: the canonical JSON of one event without `prev` and `hash`.
    /// - Throws: `EventFormatError` naming the field (a dotted path such as `payload.replacement.effective`)
    ///   and the rule broken, or the byte offset and the reason for bytes that are not JSON.
    public static func decode(_ body: UnsafeRawBufferPointer) throws(EventFormatError) -> StoredFact {
        guard let base = body.baseAddress, !body.isEmpty else {
            throw EventFormatError(field: "", rule: "the body is empty: a stored event is one JSON object")
        }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        var canonical = CanonicalScanner(base: bytes, count: body.count)
        if let fact = canonicalFact(&canonical) { return fact }
        var scanner = CanonicalScanner(base: bytes, count: body.count)
        var envelope = Envelope()
        return try decodeBody(&scanner, .fact, &envelope).fact
    }

    /// Decodes one stored body held in a byte buffer (as `SQLiteRow.withBytes` lends it).
    public static func decode(_ body: UnsafeBufferPointer<UInt8>) throws(EventFormatError) -> StoredFact {
        try decode(UnsafeRawBufferPointer(body))
    }

    /// Decodes one stored body held in an array.
    public static func decode(_ body: [UInt8]) throws(EventFormatError) -> StoredFact {
        let result: Result<StoredFact, EventFormatError> = body.withUnsafeBytes { buffer in
            Result { () throws(EventFormatError) in try decode(buffer) }
        }
        return try result.get()
    }

    /// What a decode reads: the fact replay folds, or the whole recorded event, from a stored body or from a
    /// published line (which holds `prev` and `hash` among its members).
    enum Reading {
        case fact, body, line

        var keepsEnvelope: Bool { self != .fact }
    }

    /// Reads one event: one loop over the members for all three readings, so that the fact replay folds
    /// and the event `log` shows are read by the same code. With `.fact` the envelope texts are checked and
    /// not built; otherwise they are checked by the same test and then built into `envelope`.
    static func decodeBody(_ scanner: inout CanonicalScanner, _ reading: Reading,
                           _ envelope: inout Envelope) throws(EventFormatError) -> (fact: StoredFact, schema: Int) {
        scanner.skipWhitespace()
        try scanner.openObject("")
        let inLine = reading == .line
        let keep = reading.keepsEnvelope
        var seen: UInt32 = 0
        var given: UInt32 = 0
        var kind: Kind?
        var schema: Int64 = 0
        var effective: (date: PartialDate, month: Int, day: Int)?
        var precision: DatePrecision?
        var payload = PayloadFields()
        var first = true
        var expected = EnvelopeKey.confidence as EnvelopeKey?
        while let member = try scanner.nextMember(&first, expecting: expected) {
            let key = try known(member, scanner, EnvelopeKey.self, allowed: inLine ? nil : bodyMemberNames)
            if key.isChain, !inLine { throw unknownMember(key.literal.description, allowed: bodyMemberNames) }
            expected = key.following(inLine: inLine)
            guard seen & key.bit == 0 else { throw duplicateKey(key.literal, scanner) }
            seen |= key.bit
            if try scanner.consumeNull() { continue }
            given |= key.bit
            switch key {
            case .confidence:
                envelope.confidence = try scanner.choiceValue("confidence", Confidence.self)
            case .effective:
                effective = try scanner.dateValue("effective")
            case .hash:
                envelope.hash = try scanner.digest(try scanner.stringToken("hash"), field: "hash")
            case .id:
                if let kept = try text(&scanner, "id", maximum: 64, keep) { envelope.id = kept }
            case .note:
                envelope.note = try text(&scanner, "note", maximum: JSONFields.maximumTextLength, keep)
            case .payload:
                guard scanner.consume(UInt8(ascii: "{")) else {
                    throw EventFormatError(field: "payload", value: try scanner.typeName(), rule: "must be a JSON object")
                }
                do { try readPayload(&scanner, into: &payload, nested: false) } catch { throw error.within("payload") }
            case .precision:
                precision = try scanner.choiceValue("precision", DatePrecision.self)
            case .prev:
                envelope.prev = try scanner.digest(try scanner.stringToken("prev"), field: "prev")
            case .recorded:
                envelope.recorded = try scanner.timestampValue("recorded")
            case .recordedBy:
                if let kept = try text(&scanner, "recordedBy", maximum: 200, keep) { envelope.recordedBy = kept }
            case .schema:
                schema = try scanner.integer("schema")
            case .seq:
                envelope.seq = try scanner.integer("seq")
                guard envelope.seq >= 1 else { throw EventFormatError(field: "seq", value: String(envelope.seq), rule: "must be >= 1") }
            case .source:
                if let kept = try text(&scanner, "source", maximum: JSONFields.maximumTextLength, keep) { envelope.source = kept }
            case .type:
                kind = try Kind.read(&scanner)
            }
        }
        guard scanner.isAtEnd() else { throw scanner.syntax("unexpected data after the JSON value") }

        let required = inLine ? requiredMembers | EnvelopeKey.prev.bit | EnvelopeKey.hash.bit : requiredMembers
        if given & required != required {
            // In the order the slow path asks for them, so that both name the same missing member.
            let order: [EnvelopeKey] = [.seq, .id, .type, .schema, .effective, .precision, .recorded, .source,
                                        .recordedBy, .confidence, .payload, .prev, .hash]
            let missing = order.first { required & $0.bit != 0 && given & $0.bit == 0 } ?? .payload
            throw EventFormatError(field: missing.literal.description, rule: "is required")
        }
        guard let kind, let effective, let precision else { preconditionFailure("every required member was checked as given") }
        let version = try kind.checkVersion(schema, field: "schema")
        guard effective.date.precision == .day else {
            throw EventFormatError(field: "effective", value: effective.date.description,
                                   rule: "a recorded event writes its effective day in full (YYYY-MM-DD)")
        }
        try checkAligned(effective, precision)
        let event: Event
        do { event = try makeEvent(kind, version: version, &payload) } catch { throw error.within("payload") }
        return (StoredFact(event: event, effective: effective.date.day, precision: precision), version)
    }

    /// Checks a text of the envelope and, when `keep` is true, builds it: the same check either way
    /// (`CanonicalScanner.text` is `checkText` plus the `String`).
    @inline(__always)
    private static func text(_ scanner: inout CanonicalScanner, _ field: String, maximum: Int,
                             _ keep: Bool) throws(EventFormatError) -> String? {
        let token = try scanner.stringToken(field)
        if keep { return try scanner.text(token, field: field, maximum: maximum) }
        try scanner.checkText(token, field: field, maximum: maximum)
        return nil
    }

    /// Every member of a body but `note`.
    private static let requiredMembers = EnvelopeKey.allCases.reduce(UInt32(0)) {
        $0 | ($1 == .note || $1.isChain ? 0 : $1.bit)
    }

    /// The members a stored body may hold, for the error that refuses any other.
    private static let bodyMemberNames = EnvelopeKey.allCases.filter { !$0.isChain }.map(\.literal.description)

    /// A date known to the month is the first of the month, a date known to the year the first of January.
    static func checkAligned(_ effective: (date: PartialDate, month: Int, day: Int),
                                     _ precision: DatePrecision) throws(EventFormatError) {
        let aligned = switch precision {
        case .day: true
        case .month: effective.day == 1
        case .year: effective.day == 1 && effective.month == 1
        }
        guard aligned else {
            throw EventFormatError(field: "effective", value: effective.date.day.description,
                                   rule: "a date of precision '\(precision.rawValue)' falls on the first day of its \(precision.rawValue)")
        }
    }

    // MARK: Keys

    /// The key a member read by `nextMember` names, looked up the slow way when it was not recognised in place.
    /// - Throws: when it is none of `Key`'s names.
    @inline(__always)
    /// - Parameter allowed: the names the error lists, when not all of `Key`'s (built only for the error).
    static func known<Key: ByteMatchable>(_ member: CanonicalScanner.Member<Key>, _ scanner: CanonicalScanner,
                                          _: Key.Type, allowed: @autoclosure () -> [String]? = nil) throws(EventFormatError) -> Key {
        switch member {
        case .known(let key):
            return key
        case .other(let token):
            if let key = try scanner.lookup(token, Key.self) { return key }
            throw unknownMember((try? scanner.string(token)) ?? "?", allowed: allowed() ?? Key.allCases.map(\.literal.description))
        }
    }

    static func unknownMember(_ name: String, allowed: [String]) -> EventFormatError {
        EventFormatError(field: name, rule: "unknown field; allowed here: \(allowed.sorted().joined(separator: ", "))")
    }

    static func duplicateKey(_ name: StaticString, _ scanner: CanonicalScanner) -> EventFormatError {
        scanner.syntax("duplicate key \"\(name)\"")
    }
}
