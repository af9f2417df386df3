import ArgumentParser
import CarnotRegistry

struct Disaffiliate: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "disaffiliate",
        abstract: "End a school's affiliation to an institute.",
        discussion: "Example:\n  carnot disaffiliate eurecom tsn --effective 2024-09-01 --source \"imt.fr\"")

    @Argument(help: "The school's id.", completion: .custom(IDCompletion.complete)) var school: EntityID
    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var institute: EntityID
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.schoolDisaffiliated(school: school, institute: institute)]
    }
}
