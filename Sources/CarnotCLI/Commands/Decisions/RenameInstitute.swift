import ArgumentParser
import CarnotRegistry

struct RenameInstitute: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename-institute",
        abstract: "Record an institute's new name (e.g. Télécom-Eurecom became Télécom & Société Numérique).")

    @Argument(help: "The institute's id.") var id: EntityID
    @Option(help: "The new name.") var name: String
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.instituteRenamed(institute: id, name: try text(name, "name"))]
    }
}
