import ArgumentParser
import CarnotRegistry

struct Withdraw: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw an institute's label before its term ends; it ends on the effective date.",
        discussion: "Example:\n  carnot withdraw mines --reason \"requested by the institute\" --effective 2024-06-01 --source \"MESR decision\"")

    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var id: EntityID
    @Option(help: "Why the label was withdrawn.") var reason: String
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.labelWithdrawn(institute: id, reason: try text(reason, "reason"))]
    }
}
