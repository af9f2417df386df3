extension EventSchema {
    /// The canonical body of `event` (`CanonicalJSON.bytes(body(of: event))`), written straight to bytes.
    ///
    /// Every event appended or imported is written this way, so it skips the `JSONValue` tree: the members
    /// are written in their canonical (byte) order, which the tests check against `body(of:)` for every
    /// event type, on the bundled log and on synthetic logs.
    public static func bodyBytes(of event: RecordedEvent) -> [UInt8] {
        var writer = CanonicalWriter()
        write(event, chain: false, status: nil, to: &writer)
        return writer.bytes
    }

    /// The published line of `event` (`line(of:)`: its body with `prev` and `hash`), written straight to bytes;
    /// with `status`, that member too (what `carnot history --format json` prints for each event).
    ///
    /// ```swift
    /// let line = EventSchema.lineBytes(of: event, status: .null)   // {"confidence":…,"status":null,"type":…}
    /// ```
    public static func lineBytes(of event: RecordedEvent, status: JSONValue? = nil) -> [UInt8] {
        var writer = CanonicalWriter()
        write(event, chain: true, status: status, to: &writer)
        return writer.bytes
    }

    /// Writes `event`'s members in their canonical order; with `chain`, `prev` and `hash` among them.
    private static func write(_ event: RecordedEvent, chain: Bool, status: JSONValue?, to writer: inout CanonicalWriter) {
        writer.beginObject()
        writer.key("confidence"); writer.plain(event.confidence.rawValue)
        writer.key("effective"); writer.day(event.effective)
        if chain { writer.key("hash"); writer.string(event.hash) }
        writer.key("id"); writer.string(event.id)
        if let note = event.note { writer.key("note"); writer.string(note) }
        writer.key("payload"); event.event.writePayload(version: event.schema, to: &writer)
        writer.key("precision"); writer.plain(event.precision.rawValue)
        if chain { writer.key("prev"); writer.string(event.prev) }
        writer.key("recorded"); writer.timestamp(event.recorded)
        writer.key("recordedBy"); writer.string(event.recordedBy)
        writer.key("schema"); writer.integer(Int64(event.schema))
        writer.key("seq"); writer.integer(event.seq)
        writer.key("source"); writer.string(event.source)
        if let status { writer.key("status"); writer.value(status) }
        writer.key("type"); writer.plain(event.event.typeName)
        writer.endObject()
    }
}
