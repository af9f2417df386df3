import ArgumentParser
import CarnotRegistry

struct RegisterInstitute: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "register-institute",
        abstract: "Register an institute (a structure that holds or may hold the label).",
        discussion: "Example:\n  carnot register-institute ocean-lab --name \"Ocean Lab\" --home Ifremer --effective 2026-05-12 --source \"MESR press release, 12 May 2026\"")

    @Argument(help: "The institute's id, e.g. tsn.") var id: EntityID
    @Option(help: "Its name on the effective date.") var name: String
    @Option(name: .customLong("home"), help: "A home institution (repeat for several).") var homes: [String] = []
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.instituteRegistered(institute: id, name: try text(name, "name"), homeInstitutions: try homes.map { try text($0, "home") })]
    }
}
