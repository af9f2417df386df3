import ArgumentParser
import CarnotRegistry

struct Extend: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend an institute's current term to a later end (e.g. Carnot 4 labels extended by a year).",
        discussion: "Example:\n  carnot extend tsn --until 2025-06-30 --effective 2025-01-15 --source \"ministry letter, 15 Jan 2025\"")

    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var id: EntityID
    @Option(help: "The new end of the term (not included).") var until: PartialDate
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.labelExtended(institute: id, until: try until.fullDay(field: "--until"))]
    }
}
