import ArgumentParser
import CarnotRegistry

struct Leave: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave",
        abstract: "Record that a person left an office of the association.",
        discussion: "Example:\n  carnot leave amaury-martin --office vice-president --effective 2025-06 --source \"instituts-carnot.eu\"")

    @Argument(help: "The person's id.", completion: .custom(IDCompletion.complete)) var person: EntityID
    @Option(help: "The office left.") var office: Office
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.officeHolderLeft(person: person, office: office)]
    }
}
