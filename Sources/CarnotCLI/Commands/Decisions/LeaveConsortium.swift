import ArgumentParser
import CarnotRegistry

struct LeaveConsortium: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave-consortium",
        abstract: "Record an institute leaving a consortium.",
        discussion: "Example:\n  carnot leave-consortium cetim aircar --effective 2024-12 --source \"aircar.fr\"")

    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var institute: EntityID
    @Argument(help: "The consortium's id.", completion: .custom(IDCompletion.complete)) var consortium: EntityID
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.consortiumLeft(consortium: consortium, institute: institute)]
    }
}
