import ArgumentParser
import CarnotRegistry

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every event that names an entity, with its valid date, record time, source and who recorded it.",
        discussion: """
        The entity is an id or a name only one entity matches. The events listed are those naming it; a call's \
        history also lists the label grants made in it, though a grant names only its institute. A correction \
        is listed under the entities its replacement names; a retraction is not listed, but the event it \
        retracts shows "retracted by SEQ". --format json prints the events' published \
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
        // This process reads each event's page once, in log order, and ends: a large page cache would only
        // cost its filling.
        try CommandFailure.guarding { () throws(StoreError) in try store.setPageCache(kilobytes: EventStore.ascendingLookupPageCacheKilobytes) }
        // An id the log names is taken at once, from the entity index, without reading the state or the log.
        let id = try EntityID(entity).flatMap { id in try CommandFailure.guarding { () throws(StoreError) in try store.names(id) } ? id : nil }
            ?? EntityDirectory.resolve(entity, in: store)
        // JSON, CSV and TSV lines are printed as the events are read; a table needs every row for its widths,
        // so it keeps their cells (not the events) and prints once.
        let out = BufferedOutput()
        var table = ByteTable(headers: Self.headers)
        // Read once: an option group's value is rebuilt on every access, which cost a few percent per row.
        let format = output.format
        var line: DelimitedCells? = switch format {
        case .csv: DelimitedCells(separator: ",", end: "\r\n", field: TextTable.csvField, to: out)
        case .tsv: DelimitedCells(separator: "\t", end: "\n", field: TextTable.tsvField, to: out)
        case .table, .json: nil
        }
        switch format {
        case .csv: out.write(TextTable.csvLine(Self.headers) + "\r\n")
        case .tsv: out.line(TextTable.tsvLine(Self.headers))
        case .table, .json: break
        }
        do {
            // Only the published lines of JSON carry the chain.
            try store.forEachHistoryEntry(of: id, after: since, limit: limit, chain: format == .json) { entry in
                switch format {
                case .json: out.line(Self.line(entry))
                case .csv, .tsv:
                    Self.writeCells(entry, to: &line!)
                    line!.endRow()
                case .table: Self.writeCells(entry, to: &table)
                }
            }
        } catch let error as StoreError {
            throw CommandFailure(error)
        }
        if format == .table {
            table.render(width: TableStyle.current.width) { out.write($0) }
            out.write("\n")
        }
        out.flush()
    }

    /// Writes the cells of `entry`'s row of a table, CSV or TSV to `sink`, each straight as bytes: a listing
    /// of thousands of rows builds no `String` per cell.
    static func writeCells(_ entry: HistoryEntry, to sink: inout some CellSink) {
        let event = entry.event
        sink.add(String(event.seq))
        event.effective.appendFormatted(event.precision, to: &sink.text)
        sink.endCell()
        event.recorded.appendDescription(to: &sink.text)
        sink.endCell()
        EventSummary.append(event.event, to: &sink.text)
        sink.endCell()
        sink.add(event.source)
        sink.add(event.confidence.rawValue)
        sink.add(event.recordedBy)
        switch entry.status {
        case .retractedBy(let seq)?: sink.add("retracted by \(seq)")
        case .correctedBy(let seq)?: sink.add("corrected by \(seq)")
        case nil: sink.add("")
        }
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
