import ArgumentParser
import CarnotRegistry

struct JoinConsortium: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "join-consortium",
        abstract: "Record an institute joining a consortium.",
        discussion: "Example:\n  carnot join-consortium mers aircar --role member --effective 2024-03 --source \"aircar.fr\"")

    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var institute: EntityID
    @Argument(help: "The consortium's id.", completion: .custom(IDCompletion.complete)) var consortium: EntityID
    @Option(help: "member or coordinator.") var role: ConsortiumRole = .member
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.consortiumJoined(consortium: consortium, institute: institute, role: role)]
    }
}
