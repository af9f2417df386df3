import ArgumentParser
import CarnotRegistry

struct Grant: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Grant a label (carnot or tremplin) for the term [from, until).",
        discussion: "Example:\n  carnot grant mers --kind carnot --call carnot-2026 --from 2026-05-12 --until 2032-05-12 --effective 2026-05-12 --source \"MESR press release, 12 May 2026\"")

    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var id: EntityID
    @Option(help: "carnot or tremplin.") var kind: LabelKind
    @Option(help: "The call the label was granted in, e.g. carnot-4.") var call: EntityID
    @Option(help: "The first day of the term.") var from: PartialDate
    @Option(help: "The day the term ends (not included).") var until: PartialDate
    @Flag(help: "Granted on probation (e.g. the 18-month labels of 2020).") var probation = false
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.labelGranted(institute: id, kind: kind, call: call, from: try from.fullDay(field: "--from"), until: try until.fullDay(field: "--until"), probation: probation)]
    }
}
