import ArgumentParser
import CarnotRegistry

struct RenameSchool: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename-school",
        abstract: "Record a school's new name.",
        discussion: "Example:\n  carnot rename-school telecom-paris --name \"Télécom Paris (IPP)\" --effective 2024 --source \"telecom-paris.fr\"")

    @Argument(help: "The school's id.", completion: .custom(IDCompletion.complete)) var id: EntityID
    @Option(help: "The new name.") var name: String
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.schoolRenamed(school: id, name: try text(name, "name"))]
    }
}
