import ArgumentParser
import CarnotRegistry

struct Leave: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave",
        abstract: "Record that a person left an office of the association.")

    @Argument(help: "The person's id.") var person: EntityID
    @Option(help: "The office left.") var office: Office
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.officeHolderLeft(person: person, office: office)]
    }
}
