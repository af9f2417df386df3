import ArgumentParser
import CarnotRegistry

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The events of the log in order; --format json prints the published NDJSON lines.",
        discussion: "Example:\n  carnot log --since 40")

    @Option(help: ArgumentHelp("Only events after this position.", valueName: "seq")) var since: Int64 = 0
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.store.openForReading()
        let events = try CommandFailure.guarding { () throws(StoreError) in try store.events(from: since + 1) }
        switch output.format {
        case .json:
            for event in events { Console.out(String(decoding: EventSchema.line(of: event), as: UTF8.self)) }
        case .table:
            var table = TextTable("SEQ", "RECORDED", "EFFECTIVE", "TYPE", "EVENT")
            for event in events {
                table.add(String(event.seq), event.recorded.toTheSecond, event.effectiveDate.description,
                          event.event.typeName, EventSummary.describe(event.event))
            }
            Console.out(table.rendered)
        }
    }
}
