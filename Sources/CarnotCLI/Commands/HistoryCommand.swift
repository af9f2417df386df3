import ArgumentParser
import CarnotRegistry

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every event that touched an entity, with its valid date, record time, source and who recorded it.",
        discussion: """
        The entity is an id or a name only one entity matches. --format json prints the events' published \
        lines, each with a "status" member: null, or {"retractedBy": SEQ} / {"correctedBy": SEQ}.

        Examples:
          carnot history tsn
          carnot history MERS --format json
        """)

    @Argument(help: "The entity's id, or a name only it matches.", completion: .custom(IDCompletion.complete))
    var entity: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.store.openForReading()
        // An id the log names is taken at once, from the entity index, without reading the state or the log.
        let id = try EntityID(entity).flatMap { id in try CommandFailure.guarding { () throws(StoreError) in try store.names(id) } ? id : nil }
            ?? EntityDirectory.resolve(entity, in: store)
        let touching = try CommandFailure.guarding { () throws(StoreError) in try store.history(of: id) }
        func status(_ entry: HistoryEntry) -> (text: String, json: JSONValue) {
            switch entry.status {
            case .retractedBy(let seq)?: ("retracted by \(seq)", .object(["retractedBy": .integer(seq)]))
            case .correctedBy(let seq)?: ("corrected by \(seq)", .object(["correctedBy": .integer(seq)]))
            case nil: ("", .null)
            }
        }
        switch output.format {
        case .json:
            for entry in touching {
                guard case .object(var fields) = try? JSONParser.parse(EventSchema.line(of: entry.event)) else { continue }
                fields["status"] = status(entry).json
                Console.out(CanonicalJSON.string(.object(fields)))
            }
        case .table, .csv, .tsv:
            var table = TextTable("SEQ", "EFFECTIVE", "RECORDED", "EVENT", "SOURCE", "CONFIDENCE", "BY", "STATUS")
            for entry in touching {
                let event = entry.event
                table.add(String(event.seq), event.effectiveDate.description, event.recorded.description,
                          EventSummary.describe(event.event), event.source, event.confidence.rawValue, event.recordedBy,
                          status(entry).text)
            }
            output.print(table)
        }
    }
}
