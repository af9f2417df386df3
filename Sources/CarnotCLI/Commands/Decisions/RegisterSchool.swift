import ArgumentParser
import CarnotRegistry

struct RegisterSchool: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "register-school",
        abstract: "Register a school or establishment.",
        discussion: "Example:\n  carnot register-school telecom-nancy --name \"Télécom Nancy\" --parent \"Université de Lorraine\" --effective 2024 --source \"telecomnancy.eu\"")

    @Argument(help: "The school's id, e.g. telecom-bretagne.") var id: EntityID
    @Option(help: "Its name on the effective date.") var name: String
    @Option(help: "Its parent institution, e.g. Institut Mines-Télécom.") var parent: String?
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.schoolRegistered(school: id, name: try text(name, "name"), parent: try parent.map { try text($0, "parent") })]
    }
}
