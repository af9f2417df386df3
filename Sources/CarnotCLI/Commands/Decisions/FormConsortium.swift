import ArgumentParser
import CarnotRegistry

struct FormConsortium: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "form-consortium",
        abstract: "Record a consortium or grouping formed (GLOBAL CARE, Carnot Europe, a filière).",
        discussion: "Example:\n  carnot form-consortium ocean-alliance --name \"Ocean Alliance\" --effective 2024-03 --source \"ifremer.fr\"")

    @Argument(help: "The consortium's id, e.g. global-care.") var id: EntityID
    @Option(help: "Its name.") var name: String
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.consortiumFormed(consortium: id, name: try text(name, "name"))]
    }
}
