import ArgumentParser
import CarnotRegistry

struct Retract: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Retract an event: it stays in the log, and queries skip it from now on.",
        discussion: "Example:\n  carnot retract 217 --reason \"entered from a draft\" --effective 2025-11-28 --source \"anr.fr\"")

    @Argument(help: "The position (seq) of the event to retract.") var seq: Int64
    @Option(help: "Why it is retracted.") var reason: String
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.eventRetracted(target: seq, reason: try text(reason, "reason"))]
    }
}
