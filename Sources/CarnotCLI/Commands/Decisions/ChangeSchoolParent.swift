import ArgumentParser
import CarnotRegistry

struct ChangeSchoolParent: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "change-school-parent",
        abstract: "Record that a school passed under a new parent institution (e.g. Institut Télécom became Institut Mines-Télécom).",
        discussion: "Example:\n  carnot change-school-parent mines-paris --parent \"Université PSL\" --effective 2024 --source \"minesparis.psl.eu\"")

    @Argument(help: "The school's id.", completion: .custom(IDCompletion.complete)) var id: EntityID
    @Option(help: "The new parent institution.") var parent: String
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.schoolParentChanged(school: id, parent: try text(parent, "parent"))]
    }
}
