import ArgumentParser
import CarnotRegistry

/// What every recorded decision states beside its facts: when it takes effect, on what source, and how
/// the append is guarded.
struct DecisionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The day the fact takes effect: YYYY, YYYY-MM or YYYY-MM-DD (the precision is kept).", valueName: "date"))
    var effective: PartialDate

    @Option(name: .long, help: ArgumentHelp("The decision, document or URL the fact rests on.", valueName: "text"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("Who records the decision (default: the operating-system user).", valueName: "name"))
    var recordedBy: String = OperatingSystemUser.name

    @Option(name: .long, help: "How sure the source is: confirmed, probable or uncertain.")
    var confidence: Confidence = .confirmed

    @Option(name: .long, help: ArgumentHelp("A note: why this date, what the source leaves out.", valueName: "text"))
    var note: String?

    @OptionGroup var guarding: AppendOptions

    /// The draft of `event` with these options, its text fields checked like those of a decision file.
    func draft(_ event: Event) throws -> EventDraft {
        var fields: [String: JSONValue] = ["source": .string(source), "recordedBy": .string(recordedBy)]
        if let note { fields["note"] = .string(note) }
        try CommandFailure.checkText(fields)
        return EventDraft(event, effective: effective, source: source, recordedBy: recordedBy,
                          confidence: confidence, note: note)
    }
}

/// Optimistic concurrency and idempotency for an append.
struct AppendOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Fail with exit 65 unless the log's head is at this position.", valueName: "seq"))
    var expectHead: Int64?

    @Option(name: .long, help: ArgumentHelp("Retry-safe key: the same key and events return the first positions.", valueName: "key"))
    var idempotencyKey: String?

    @Flag(name: .long, help: "Validate and print the events exactly as they would be written (positions, ids, record time, hashes); write nothing.")
    var dryRun = false
}
