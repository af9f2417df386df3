import ArgumentParser
import CarnotRegistry

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One institute, school, person, consortium or call as it stood on a day.",
        discussion: """
        The entity is an id, or a name (or former name) only one entity matches; `carnot find` searches.

        Examples:
          carnot show imt-atlantique --at 2020-02-07
          carnot show MERS --at 2021-01-01
        """)

    @Argument(help: "The entity's id, or a name only it matches.", completion: .custom(IDCompletion.complete))
    var entity: String
    @Option(help: ArgumentHelp("The day: YYYY, YYYY-MM or YYYY-MM-DD.", valueName: "date")) var at: PartialDate
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.requireTableOrJSON("show")
        let store = try self.store.openForReading()
        let id = try EntityDirectory.resolve(entity, in: store)
        let state = try CommandFailure.guarding { () throws(StoreError) in try store.state(at: at.day, knownAt: knownAt.cutoff) }
        guard let document = StateDocument.entity(id, in: state, at: at.day) else {
            throw CommandFailure(message: "no institute, school, person, consortium or call '\(id)' on \(at.day); see `carnot state --at \(at)`", code: 64)
        }
        switch output.format {
        case .json: Console.out(CanonicalJSON.string(document))
        case .table, .csv, .tsv:
            if let institute = state.institutes[id] {
                Console.out("Label on \(at.day): \(LabelStatus(institute, on: at.day).phrase)")
            }
            Console.out(JSONOutline.render(document))
        }
    }
}
