extension EventSchema {
    /// The canonical body of `event` (`CanonicalJSON.bytes(body(of: event))`), written straight to bytes.
    ///
    /// Every event appended or imported is written this way, so it skips the `JSONValue` tree: the members
    /// are written in their canonical (byte) order, which the tests check against `body(of:)` for every
    /// event type, on the bundled log and on synthetic logs.
    public static func bodyBytes(of event: RecordedEvent) -> [UInt8] {
        var writer = CanonicalWriter()
        writer.beginObject()
        writer.key("confidence"); writer.plain(event.confidence.rawValue)
        writer.key("effective"); writer.day(event.effective)
        writer.key("id"); writer.string(event.id)
        if let note = event.note { writer.key("note"); writer.string(note) }
        writer.key("payload"); event.event.writePayload(version: event.schema, to: &writer)
        writer.key("precision"); writer.plain(event.precision.rawValue)
        writer.key("recorded"); writer.timestamp(event.recorded)
        writer.key("recordedBy"); writer.string(event.recordedBy)
        writer.key("schema"); writer.integer(Int64(event.schema))
        writer.key("seq"); writer.integer(event.seq)
        writer.key("source"); writer.string(event.source)
        writer.key("type"); writer.plain(event.event.typeName)
        writer.endObject()
        return writer.bytes
    }
}
