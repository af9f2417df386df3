import ArgumentParser
import CarnotRegistry

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The events of the log in order; --format json prints the published NDJSON lines.",
        discussion: """
        Filters combine: an event is listed when it passes all of them. --from and --to bound record time \
        (a day, or an instant as the RECORDED column prints it; both ends included).

        Examples:
          carnot log --since 40
          carnot log --type label.granted --entity tsn
          carnot log --from 2026-01-01 --recorded-by registry --format csv
        """)

    @Option(help: ArgumentHelp("Only events after this position.", valueName: "seq")) var since: Int64 = 0
    @Option(help: ArgumentHelp("Only events of this type, e.g. label.granted.", valueName: "type")) var type: String?
    @Option(help: ArgumentHelp("Only events naming this entity.", valueName: "id")) var entity: EntityID?
    @Option(help: ArgumentHelp("Only events recorded at or after this day or instant.", valueName: "when"),
            transform: { try RecordTimeBound.start($0, option: "from") })
    var from: Timestamp?
    @Option(help: ArgumentHelp("Only events recorded at or before this day or instant.", valueName: "when"),
            transform: { try RecordTimeBound.end($0, option: "to") })
    var to: Timestamp?
    @Option(help: ArgumentHelp("Only events recorded by this name.", valueName: "name")) var recordedBy: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let type, !Event.typeNames.contains(type) {
            throw ValidationError("--type \(type): not an event type." + Suggestion.sentence(for: type, among: Event.typeNames)
                                  + " The types are: \(Event.typeNames.joined(separator: ", "))")
        }
        if let from, let to, to < from { throw ValidationError("--from \(from) is after --to \(to): give the earlier bound first") }
    }

    func run() throws {
        let store = try self.store.openForReading()
        let events = try CommandFailure.guarding { () throws(StoreError) in try store.events(from: since + 1) }.filter { event in
            (type.map { event.event.typeName == $0 } ?? true)
                && (entity.map { event.event.entities.contains($0) } ?? true)
                && (from.map { event.recorded >= $0 } ?? true) && (to.map { event.recorded <= $0 } ?? true)
                && (recordedBy.map { event.recordedBy == $0 } ?? true)
        }
        switch output.format {
        case .json:
            for event in events { Console.out(String(decoding: EventSchema.line(of: event), as: UTF8.self)) }
        case .table, .csv, .tsv:
            var table = TextTable("SEQ", "RECORDED", "EFFECTIVE", "TYPE", "EVENT", "CONFIDENCE", "BY")
            for event in events {
                table.add(String(event.seq), event.recorded.description, event.effectiveDate.description,
                          event.event.typeName, EventSummary.describe(event.event), event.confidence.rawValue, event.recordedBy)
            }
            output.print(table)
        }
    }
}
