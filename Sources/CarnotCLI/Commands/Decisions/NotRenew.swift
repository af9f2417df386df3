import ArgumentParser
import CarnotRegistry

struct NotRenew: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "not-renew",
        abstract: "Record that an institute was not renewed in a call (its label ends with its term).",
        discussion: "Example:\n  carnot not-renew cognition --call carnot-2026 --reason \"did not re-apply\" --effective 2026-05-12 --source \"MESR press release, 12 May 2026\"")

    @Argument(help: "The institute's id.", completion: .custom(IDCompletion.complete)) var id: EntityID
    @Option(help: "The call it was not renewed in.") var call: EntityID
    @Option(help: "Why, if known (e.g. did not re-apply).") var reason: String?
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.labelNotRenewed(institute: id, call: call, reason: try reason.map { try text($0, "reason") })]
    }
}
