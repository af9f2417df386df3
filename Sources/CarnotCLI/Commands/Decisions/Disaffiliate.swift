import ArgumentParser
import CarnotRegistry

struct Disaffiliate: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "disaffiliate",
        abstract: "End a school's affiliation to an institute.")

    @Argument(help: "The school's id.") var school: EntityID
    @Argument(help: "The institute's id.") var institute: EntityID
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.schoolDisaffiliated(school: school, institute: institute)]
    }
}
