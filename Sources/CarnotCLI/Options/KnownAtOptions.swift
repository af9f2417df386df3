import ArgumentParser
import CarnotRegistry

/// The record-time cut-off of a query: everything, the log as it stood at an instant, or after a position.
struct KnownAtOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Answer as the registry knew it at this UTC instant, as tables print it (2026-11-29T21:26:44.839127Z); a day or a second alone means its end.",
        valueName: "timestamp"))
    var knownAt: Timestamp?

    @Option(name: .long, help: ArgumentHelp("Answer from the log up to this position (seq) only.", valueName: "seq"))
    var upto: Int64?

    func validate() throws {
        if knownAt != nil, upto != nil {
            throw ValidationError("--known-at and --upto both set a record-time cut-off: give one of them")
        }
        if let upto, upto < 0 { throw ValidationError("--upto \(upto): a log position is 0 or more") }
    }

    var cutoff: KnownAt {
        if let knownAt { return .instant(knownAt) }
        if let upto { return .position(upto) }
        return .everything
    }
}
