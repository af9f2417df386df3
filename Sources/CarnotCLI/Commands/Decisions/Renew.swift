import ArgumentParser
import CarnotRegistry

struct Renew: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract: "Renew an institute's label in a new call, for the term [from, until).",
        discussion: "Example:\n  carnot renew tsn --call carnot-2026 --from 2026-05-12 --until 2032-05-12 --effective 2026-05-12 --source \"MESR press release, 12 May 2026\"")

    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var id: EntityID
    @Option(help: "The call of the renewal.") var call: EntityID
    @Option(help: "The first day of the new term.") var from: PartialDate
    @Option(help: "The day the new term ends (not included).") var until: PartialDate
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.labelRenewed(institute: id, call: call, from: try from.fullDay(field: "--from"), until: try until.fullDay(field: "--until"))]
    }
}
