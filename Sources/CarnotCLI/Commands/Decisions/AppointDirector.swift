import ArgumentParser
import CarnotRegistry

struct AppointDirector: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "appoint-director",
        abstract: "Record the appointment of an institute's director (a registered person).",
        discussion: "Example:\n  carnot appoint-director mers --person amaury-martin --effective 2024-09-01 --source \"ifremer.fr\"")

    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var id: EntityID
    @Option(help: "The person's id.") var person: EntityID
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.directorAppointed(institute: id, person: person)]
    }
}
