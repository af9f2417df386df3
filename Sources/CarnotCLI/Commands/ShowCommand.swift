import ArgumentParser
import CarnotRegistry

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One institute, school, person, consortium or call as it stood on a day.",
        discussion: "Example:\n  carnot show imt-atlantique --at 2020-02-07")

    @Argument(help: "The entity's id.") var id: EntityID
    @Option(help: ArgumentHelp("The day: YYYY, YYYY-MM or YYYY-MM-DD.", valueName: "date")) var at: PartialDate
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.store.openForReading()
        let state = try CommandFailure.guarding { () throws(StoreError) in try store.state(at: at.day, knownAt: knownAt.cutoff) }
        guard let document = StateDocument.entity(id, in: state, at: at.day) else {
            throw CommandFailure(message: "no institute, school, person, consortium or call '\(id)' on \(at.day); see `carnot state --at \(at)`", code: 64)
        }
        switch output.format {
        case .json: Console.out(CanonicalJSON.string(document))
        case .table:
            if let institute = state.institutes[id] {
                Console.out("Label on \(at.day): \(LabelStatus(institute, on: at.day).phrase)")
            }
            Console.out(JSONOutline.render(document))
        }
    }
}
