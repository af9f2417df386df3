import ArgumentParser
import CarnotRegistry

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every event that touched an entity, with its valid date, record time, source and who recorded it.",
        discussion: """
        The entity is an id or a name only one entity matches. --format json prints the events' published \
        lines, each with a "status" member: null, or {"retractedBy": SEQ} / {"correctedBy": SEQ}. A long \
        history reads in pages: --limit N prints the first N events, and --since the last position printed \
        starts the next page.

        Examples:
          carnot history tsn
          carnot history MERS --format json
          carnot history tsn --since 120 --limit 50
        """)

    static let headers = ["SEQ", "EFFECTIVE", "RECORDED", "EVENT", "SOURCE", "CONFIDENCE", "BY", "STATUS"]

    @Argument(help: "The entity's id, or a name only it matches.", completion: .custom(IDCompletion.complete))
    var entity: String
    @Option(help: ArgumentHelp("Only events after this position.", valueName: "seq")) var since: Int64 = 0
    @Option(help: ArgumentHelp("At most this many events (the first ones after --since).", valueName: "count")) var limit: Int?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit \(limit): must be 1 or more (leave it out for every event)") }
    }

    func run() throws {
        let store = try self.store.openForReading()
        // This process reads each event's page once and ends: a large page cache would only cost its filling.
        try CommandFailure.guarding { () throws(StoreError) in try store.setPageCache(kilobytes: EventStore.onePassPageCacheKilobytes) }
        // An id the log names is taken at once, from the entity index, without reading the state or the log.
        let id = try EntityID(entity).flatMap { id in try CommandFailure.guarding { () throws(StoreError) in try store.names(id) } ? id : nil }
            ?? EntityDirectory.resolve(entity, in: store)
        // JSON, CSV and TSV lines are printed as the events are read; a table needs every row for its widths,
        // so it keeps their cells (not the events) and prints once.
        let out = BufferedOutput()
        var table = TextTable(headers: Self.headers)
        switch output.format {
        case .csv: out.write(TextTable.csvLine(Self.headers) + "\r\n")
        case .tsv: out.line(TextTable.tsvLine(Self.headers))
        case .table, .json: break
        }
        do {
            try store.forEachHistoryEntry(of: id, after: since, limit: limit) { entry in
                switch output.format {
                case .json: out.line(Self.line(entry))
                case .csv: out.write(TextTable.csvLine(Self.cells(entry)) + "\r\n")
                case .tsv: out.line(TextTable.tsvLine(Self.cells(entry)))
                case .table: table.add(Self.cells(entry))
                }
            }
        } catch let error as StoreError {
            throw CommandFailure(error)
        }
        if output.format == .table { out.line(table.renderedBytes(width: TableStyle.current.width)) }
        out.flush()
    }

    /// The row of a table, CSV or TSV for `entry`.
    static func cells(_ entry: HistoryEntry) -> [String] {
        let event = entry.event
        let status = switch entry.status {
        case .retractedBy(let seq)?: "retracted by \(seq)"
        case .correctedBy(let seq)?: "corrected by \(seq)"
        case nil: ""
        }
        return [String(event.seq), event.effectiveDate.description, event.recorded.description, EventSummary.describe(event.event),
                event.source, event.confidence.rawValue, event.recordedBy, status]
    }

    /// The published line of `entry`'s event with its `status` member.
    static func line(_ entry: HistoryEntry) -> [UInt8] {
        let status: JSONValue = switch entry.status {
        case .retractedBy(let seq)?: .object(["retractedBy": .integer(seq)])
        case .correctedBy(let seq)?: .object(["correctedBy": .integer(seq)])
        case nil: .null
        }
        return EventSchema.lineBytes(of: entry.event, status: status)
    }
}
