import Crypto

/// The published form of events: their canonical JSON, the hash chain over it, and the decision format.
///
/// A recorded event is one JSON object whose keys are `seq`, `id`, `type`, `schema`, `effective`,
/// `precision`, `recorded`, `source`, `recordedBy`, `confidence`, `note` (only when there is one), `payload`,
/// `prev` and `hash`. Its *body* is that object without `prev` and `hash`, in canonical JSON; its hash is
/// SHA-256 over the bytes of `prev` (64 hex digits) followed by the body.
public enum EventSchema {
    /// The schema version each event type is written in today; a type not listed is at version 1.
    ///
    /// `person.registered` is at version 2 (it gained `alsoKnownAs`). Older versions stay readable: events
    /// are upcast when read and never rewritten.
    public static let versions: [String: Int] = ["person.registered": 2]

    /// The current schema version of `type`.
    public static func version(of type: String) -> Int { versions[type] ?? 1 }

    /// Checks a `schema` value: a whole number from 1 to the type's current version.
    static func checkVersion(_ value: JSONValue, type: String, field: String) throws(EventFormatError) -> Int {
        let current = version(of: type)
        guard case .integer(let number) = value, (1...Int64(current)).contains(number) else {
            throw EventFormatError(field: field, value: CanonicalJSON.string(value),
                                   rule: "unsupported schema version for \(type) (this build reads versions 1 to \(current))")
        }
        return Int(number)
    }

    /// The `prev` of the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The body of an event: every field but `prev` and `hash`.
    public static func body(of event: RecordedEvent) -> JSONValue {
        var fields: [String: JSONValue] = [
            "seq": .integer(event.seq),
            "id": .string(event.id),
            "type": .string(event.event.typeName),
            "schema": .integer(Int64(event.schema)),
            "effective": .string(event.effective.description),
            "precision": .string(event.precision.rawValue),
            "recorded": .string(event.recorded.description),
            "source": .string(event.source),
            "recordedBy": .string(event.recordedBy),
            "confidence": .string(event.confidence.rawValue),
            "payload": event.event.payloadJSON(version: event.schema),
        ]
        if let note = event.note { fields["note"] = .string(note) }
        return .object(fields)
    }

    /// The hash of a body chained to `prev`.
    public static func hash(prev: String, body: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(prev.utf8))
        hasher.update(data: body)
        // One pass into a byte buffer: this runs for every event appended, imported or verified.
        let hex = Array("0123456789abcdef".utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(64)
        for byte in hasher.finalize() {
            digits.append(hex[Int(byte >> 4)])
            digits.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The event as one published line: its body plus `prev` and `hash`, canonical, without a newline.
    public static func line(of event: RecordedEvent) -> [UInt8] {
        lineBytes(of: event)
    }

    /// Decodes a published event (a log line or a stored body with its chain fields).
    /// - Throws: `EventFormatError` naming the field and the rule.
    public static func decodeRecorded(_ json: JSONValue) throws(EventFormatError) -> RecordedEvent {
        var fields = try JSONFields(json)
        let seq = try fields.integer("seq")
        guard seq >= 1 else { throw EventFormatError(field: "seq", value: String(seq), rule: "must be >= 1") }
        let id = try fields.string("id", maximum: 64)
        let type = try fields.string("type", maximum: 64)
        let schemaNumber = try EventSchema.checkVersion(try fields.required("schema"), type: type, field: "schema")
        let effective = try fields.date("effective")
        guard effective.precision == .day else {
            throw EventFormatError(field: "effective", value: effective.description,
                                   rule: "a recorded event writes its effective day in full (YYYY-MM-DD)")
        }
        let precision = try fields.choice("precision", DatePrecision.self)
        try checkAligned(effective.day, precision)
        let recordedText = try fields.string("recorded", maximum: 40)
        guard let recorded = Timestamp(parsing: recordedText), recordedText.count == 27 else {
            throw EventFormatError(field: "recorded", value: recordedText,
                                   rule: "must be a UTC timestamp YYYY-MM-DDTHH:MM:SS.ffffffZ")
        }
        let source = try fields.string("source")
        let recordedBy = try fields.string("recordedBy", maximum: 200)
        let confidence = try fields.choice("confidence", Confidence.self)
        let note = try fields.optionalString("note")
        let event = try Event(type: type, payload: try fields.required("payload"), version: schemaNumber)
        let prev = try fields.string("prev", maximum: 64)
        let hash = try fields.string("hash", maximum: 64)
        for (name, value) in [("prev", prev), ("hash", hash)] where !isHexDigest(value) {
            throw EventFormatError(field: name, value: value, rule: "must be 64 lower-case hex digits")
        }
        try fields.rejectUnknown()
        return RecordedEvent(seq: seq, id: id, schema: schemaNumber, event: event, effective: effective.day,
                             precision: precision, recorded: recorded, source: source, recordedBy: recordedBy,
                             confidence: confidence, note: note, prev: prev, hash: hash)
    }

    /// Decodes one event of a decision file: `type`, `effective` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, which
    /// also sets the precision), `source`, `payload`, and optionally `id`, `recordedBy`, `confidence`, `note`.
    public static func decodeDraft(_ json: JSONValue, defaultRecordedBy: String) throws(EventFormatError) -> EventDraft {
        var fields = try JSONFields(json)
        let type = try fields.string("type", maximum: 64)
        let effective = try fields.date("effective")
        let source = try fields.string("source")
        let recordedBy = try fields.optionalString("recordedBy", maximum: 200) ?? defaultRecordedBy
        let confidence = try fields.optionalChoice("confidence", Confidence.self) ?? .confirmed
        let note = try fields.optionalString("note")
        let id = try fields.optionalString("id", maximum: 64)
        let event = try Event(type: type, payload: try fields.required("payload"))
        try fields.rejectUnknown()
        return EventDraft(event, effective: effective, source: source, recordedBy: recordedBy,
                          confidence: confidence, note: note, id: id)
    }

    /// Decodes a decision file: `{"events": [ ... ]}`, one or more events appended together or not at all.
    public static func decodeDecision(_ json: JSONValue, defaultRecordedBy: String) throws(EventFormatError) -> [EventDraft] {
        var fields = try JSONFields(json)
        let list = try fields.required("events")
        try fields.rejectUnknown()
        guard case .array(let elements) = list else {
            throw EventFormatError(field: "events", value: list.typeName, rule: "must be an array of events")
        }
        guard !elements.isEmpty else { throw EventFormatError(field: "events", rule: "must hold at least one event") }
        guard elements.count <= 10_000 else {
            throw EventFormatError(field: "events", value: String(elements.count),
                                   rule: "a decision holds at most 10000 events; split it")
        }
        var drafts: [EventDraft] = []
        for (index, element) in elements.enumerated() {
            do { drafts.append(try decodeDraft(element, defaultRecordedBy: defaultRecordedBy)) } catch {
                throw error.within("events[\(index)]")
            }
        }
        return drafts
    }

    /// True for a hash as the log writes it: 64 lower-case hex digits.
    public static func isHexDigest(_ text: String) -> Bool {
        // Over the contiguous bytes: every event read back checks two of these.
        var text = text
        return text.withUTF8 { bytes in bytes.count == 64 && bytes.allSatisfy { $0 &- 0x30 < 10 || $0 &- 0x61 < 6 } }
    }

    /// A date known to the month is the first of the month, a date known to the year the first of January.
    static func checkAligned(_ day: Day, _ precision: DatePrecision) throws(EventFormatError) {
        let (_, month, dayOfMonth) = day.components
        let aligned = switch precision {
        case .day: true
        case .month: dayOfMonth == 1
        case .year: dayOfMonth == 1 && month == 1
        }
        guard aligned else {
            throw EventFormatError(field: "effective", value: day.description,
                                   rule: "a date of precision '\(precision.rawValue)' falls on the first day of its \(precision.rawValue)")
        }
    }
}
