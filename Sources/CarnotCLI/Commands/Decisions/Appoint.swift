import ArgumentParser
import CarnotRegistry

struct Appoint: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "appoint",
        abstract: "Appoint a person to an office of the association.",
        discussion: "Example:\n  carnot appoint laurent-malier --office treasurer --representing cea-leti --effective 2024-06 --source \"instituts-carnot.eu\"")

    @Argument(help: "The person's id.", completion: .custom(IDCompletion.complete)) var person: EntityID
    @Option(help: "president, vice-president, treasurer, secretary, vice-treasurer, vice-secretary, director-general or board-member.") var office: Office
    @Option(help: "The institute the person represents.") var representing: EntityID?
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.officeHolderAppointed(person: person, office: office, representing: representing)]
    }
}
