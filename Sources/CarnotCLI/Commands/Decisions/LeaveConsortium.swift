import ArgumentParser
import CarnotRegistry

struct LeaveConsortium: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave-consortium",
        abstract: "Record an institute leaving a consortium.")

    @Argument(help: "The institute's id.") var institute: EntityID
    @Argument(help: "The consortium's id.") var consortium: EntityID
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.consortiumLeft(consortium: consortium, institute: institute)]
    }
}
