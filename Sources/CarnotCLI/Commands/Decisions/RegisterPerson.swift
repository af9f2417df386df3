import ArgumentParser
import CarnotRegistry

struct RegisterPerson: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "register-person",
        abstract: "Register a person (officer of the association, institute director).",
        discussion: "Example:\n  carnot register-person marie-curie --name \"Marie Curie\" --also-known-as \"M. Curie\" --effective 2024 --source \"instituts-carnot.eu\"")

    @Argument(help: "The person's id, e.g. alain-duprey.") var id: EntityID
    @Option(help: "The person's name.") var name: String
    @Option(name: .customLong("also-known-as"), help: "Another spelling a source uses (repeat for several).") var aliases: [String] = []
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.personRegistered(person: id, name: try text(name, "name"), alsoKnownAs: try aliases.map { try text($0, "also-known-as") })]
    }
}
