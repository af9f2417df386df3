import ArgumentParser
import CarnotRegistry

struct OpenCall: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "open-call",
        abstract: "Record a call for applications opening (e.g. carnot-2, \"Carnot 2\").",
        discussion: "Example:\n  carnot open-call carnot-2032 --name \"Carnot 6\" --closes 2032-01-31 --effective 2031-11-01 --source \"anr.fr\"")

    @Argument(help: "The call's id, e.g. carnot-2.") var id: EntityID
    @Option(help: "Its name.") var name: String
    @Option(help: "The closing date, if published.") var closes: PartialDate?
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.callOpened(call: id, name: try text(name, "name"), closes: try closes?.fullDay(field: "--closes"))]
    }
}
