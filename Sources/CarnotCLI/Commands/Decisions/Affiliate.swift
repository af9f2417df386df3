import ArgumentParser
import CarnotRegistry

struct Affiliate: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "affiliate",
        abstract: "Affiliate a school to an institute with a role.",
        discussion: "Example:\n  carnot affiliate imt-lille-douai tsn --role member --effective 2024-09-01 --source \"imt-nord-europe.fr\"")

    @Argument(help: "The school's id.", completion: .custom(IDCompletion.complete)) var school: EntityID
    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var institute: EntityID
    @Option(help: "member, subsidiary or strategic-partner.") var role: AffiliationRole = .member
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.schoolAffiliated(school: school, institute: institute, role: role)]
    }
}
