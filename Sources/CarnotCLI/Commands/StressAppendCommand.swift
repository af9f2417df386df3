import ArgumentParser
import CarnotRegistry

/// Appends many multi-event decisions, reporting each commit: the workload of the crash-safety and
/// concurrency tests, which kill it or run several at once. Hidden from `--help`.
struct StressAppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-append",
        abstract: "Append decisions of registered people in a loop, printing 'committed FIRST-LAST' after each.",
        shouldDisplay: false)

    @Option(help: "How many decisions.") var decisions: Int = 100
    @Option(help: "Events per decision.") var events: Int = 5
    @Option(help: "A prefix for the ids, unique per run.") var tag: String
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...1_000_000).contains(decisions), (1...1_000).contains(events) else {
            throw ValidationError("--decisions 1...1000000 and --events 1...1000")
        }
        guard EntityID("\(tag)-d0-e0") != nil else { throw ValidationError("--tag \(tag): \(EntityID.rule)") }
    }

    func run() throws {
        let store = try self.store.openForWriting()
        let source = "stress-append"
        for decision in 0..<decisions {
            let drafts = (0..<events).map { index in
                EventDraft(.personRegistered(person: EntityID("\(tag)-d\(decision)-e\(index)")!, name: "Person \(index)", alsoKnownAs: []),
                           effective: PartialDate(day: Day(year: 2020, month: 1, day: 1)!), source: source)
            }
            let result = try CommandFailure.guarding { () throws(StoreError) in try store.append(drafts) }
            Console.out("committed \(result.firstSeq)-\(result.lastSeq) \(tag)-d\(decision)")
        }
    }
}
