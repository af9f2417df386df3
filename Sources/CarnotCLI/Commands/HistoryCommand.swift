import ArgumentParser
import CarnotRegistry

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every event that touched an entity, with its valid date, record time and source.",
        discussion: "Example:\n  carnot history tsn")

    @Argument(help: "The entity's id.") var id: EntityID
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.store.openForReading()
        let events = try CommandFailure.guarding { () throws(StoreError) in try store.events() }
        let deciding = Timeline.corrections(in: events, upto: .max)
        let touching = events.filter { $0.event.entities.contains(id) }
        guard !touching.isEmpty else {
            throw CommandFailure(message: "no event names '\(id)'; ids are listed by `carnot state --at <date>`", code: 64)
        }
        switch output.format {
        case .json:
            for event in touching { Console.out(String(decoding: EventSchema.line(of: event), as: UTF8.self)) }
        case .table:
            var table = TextTable("SEQ", "EFFECTIVE", "RECORDED", "EVENT", "SOURCE", "STATUS")
            for event in touching {
                let status: String = switch deciding[event.seq]?.event {
                case .eventRetracted?: "retracted by \(deciding[event.seq]!.seq)"
                case .eventCorrected?: "corrected by \(deciding[event.seq]!.seq)"
                default: event.confidence == .confirmed ? "" : event.confidence.rawValue
                }
                table.add(String(event.seq), event.effectiveDate.description, event.recorded.toTheSecond,
                          EventSummary.describe(event.event), event.source, status)
            }
            Console.out(table.rendered)
        }
    }
}
