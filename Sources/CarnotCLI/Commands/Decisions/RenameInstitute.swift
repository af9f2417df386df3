import ArgumentParser
import CarnotRegistry

struct RenameInstitute: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename-institute",
        abstract: "Record an institute's new name (e.g. Télécom-Eurecom became Télécom & Société Numérique).",
        discussion: "Example:\n  carnot rename-institute mers --name \"MERS Ocean\" --effective 2024-06-01 --source \"ifremer.fr\"")

    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var id: EntityID
    @Option(help: "The new name.") var name: String
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.instituteRenamed(institute: id, name: try text(name, "name"))]
    }
}
