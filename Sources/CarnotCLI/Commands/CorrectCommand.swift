import ArgumentParser
import CarnotRegistry

/// Records `event.corrected`, its replacement built by a decision subcommand from the words after `--`.
struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct an event: the fact as it should have been recorded replaces it from now on.",
        discussion: """
        Before --: the correction itself: the position to correct, --reason, and the options of every decision \
        (--effective, --source, --confidence, --note, --recorded-by, --expect-head, --dry-run). After --: the \
        decision subcommand that states the fact as it should have been recorded, with its own options, as it \
        would be typed to record it anew. Its --effective is the replacement's valid day (default: the \
        correction's --effective); it needs no --source, the correction's source is the one recorded.

        The original stays in the log; `carnot history ID` shows it as "corrected by SEQ". Try it first with \
        --dry-run.

        Examples:
          carnot correct 213 --reason "the extension runs to 30 June 2025" --effective 2024 --source "ministry erratum" --dry-run -- extend mers --until 2025-06-30
          carnot correct 192 --reason "registered in 2006" --effective 2006 --source "instituts-carnot.eu" --dry-run -- register-institute mers --name "MERS" --home Ifremer
        """)

    @Argument(help: ArgumentHelp("The position (seq) of the event to correct.", valueName: "seq")) var seq: Int64
    @Option(help: "Why the event is corrected.") var reason: String
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(parsing: .postTerminator, help: ArgumentHelp(
        "After --: the decision subcommand and its options stating the corrected fact, e.g. -- extend mers --until 2025-06-30.",
        valueName: "decision"))
    var replacement: [String] = []

    /// Options of the correction that mean nothing in the replacement, which records only a fact and its day.
    static let correctionOnly = ["--db", "--read-only", "--expect-head", "--idempotency-key", "--dry-run", "--format",
                                 "--wide", "--confidence", "--note", "--recorded-by"]

    func validate() throws {
        guard seq >= 1 else { throw ValidationError("\(seq): a log position is 1 or more") }
        guard !replacement.isEmpty else {
            throw ValidationError("give the corrected fact after --, e.g. `carnot correct \(seq) --reason ... --effective ... --source ... -- extend mers --until 2025-06-30`")
        }
        for word in replacement {
            if let option = Self.correctionOnly.first(where: { word == $0 || word.hasPrefix($0 + "=") }) {
                throw ValidationError("\(option) after --: it belongs to the correction; put it before --")
            }
        }
    }

    func run() throws {
        try output.requireTableOrJSON("correct")
        let fact = try replacementFact()
        let event = Event.eventCorrected(target: seq, reason: try text(reason), replacement: fact)
        try DecisionWriter.write([try decision.draft(event)], guarding: decision.guarding, store: store, output: output)
    }

    /// The replacement, as the subcommand after `--` would record it.
    private func replacementFact() throws -> Correction {
        if let refusal = CarnotCommand.unknownSubcommand(replacement) { throw CommandFailure(message: "after --: \(refusal)", code: 64) }
        var words = replacement
        if !words.contains(where: { $0 == "--effective" || $0.hasPrefix("--effective=") }) {
            words += ["--effective", decision.effective.description]
        }
        if !words.contains(where: { $0 == "--source" || $0.hasPrefix("--source=") }) { words += ["--source", decision.source] }
        let parsed: ParsableCommand
        do { parsed = try CarnotCommand.parseAsRoot(words) } catch {
            throw CommandFailure(message: "after --: \(CarnotCommand.explainingDates(CarnotCommand.message(for: error)) ?? CarnotCommand.message(for: error))", code: 64)
        }
        guard let command = parsed as? any DecisionCommand, !(command is Retract) else {
            throw CommandFailure(message: "after --: '\(replacement[0])' records no fact; give the decision subcommand of the corrected fact (grant, extend, rename-institute, ...)", code: 64)
        }
        let events = try command.events()
        guard events.count == 1, let event = events.first else {
            throw CommandFailure(message: "after --: '\(replacement[0])' records \(events.count) events; a correction replaces one", code: 64)
        }
        return Correction(event: event, effective: command.decision.effective.day, precision: command.decision.effective.precision)
    }

    private func text(_ value: String) throws -> String {
        try CommandFailure.checkText(["reason": .string(value)])
        return value
    }
}
