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
        let id = try EntityDirectory.resolve(entity, in: store)
        let events = try CommandFailure.guarding { () throws(StoreError) in try store.events() }
        let deciding = Timeline.corrections(in: events, upto: .max)
        let touching = events.filter { $0.event.entities.contains(id) }
        func status(_ event: RecordedEvent) -> (text: String, json: JSONValue) {
            switch deciding[event.seq]?.event {
            case .eventRetracted?: ("retracted by \(deciding[event.seq]!.seq)", .object(["retractedBy": .integer(deciding[event.seq]!.seq)]))
            case .eventCorrected?: ("corrected by \(deciding[event.seq]!.seq)", .object(["correctedBy": .integer(deciding[event.seq]!.seq)]))
            default: ("", .null)
            }
        }
        switch output.format {
        case .json:
            for event in touching {
                guard case .object(var fields) = try? JSONParser.parse(EventSchema.line(of: event)) else { continue }
                fields["status"] = status(event).json
                Console.out(CanonicalJSON.string(.object(fields)))
            }
        case .table, .csv, .tsv:
            var table = TextTable("SEQ", "EFFECTIVE", "RECORDED", "EVENT", "SOURCE", "CONFIDENCE", "BY", "STATUS")
            for event in touching {
                table.add(String(event.seq), event.effectiveDate.description, event.recorded.description,
                          EventSummary.describe(event.event), event.source, event.confidence.rawValue, event.recordedBy,
                          status(event).text)
            }
            output.print(table)
        }
    }
}
