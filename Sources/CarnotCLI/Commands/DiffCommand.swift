import ArgumentParser
import CarnotRegistry

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two days: label status (held, ended, not known), renames, affiliations, offices, consortia.",
        discussion: "Examples:\n  carnot diff --from 2011-04-28 --to 2016-07-06\n  carnot diff --from 2016-07-06 --to 2020-02-07 --format csv")

    @Option(help: ArgumentHelp("The earlier day.", valueName: "date")) var from: PartialDate
    @Option(help: ArgumentHelp("The later day.", valueName: "date")) var to: PartialDate
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard from.day <= to.day else { throw ValidationError("--from \(from) is after --to \(to): give the earlier day first") }
    }

    func run() throws {
        let store = try self.store.openForReading()
        let (before, after) = try CommandFailure.guarding { () throws(StoreError) in
            (try store.state(at: from.day, knownAt: knownAt.cutoff), try store.state(at: to.day, knownAt: knownAt.cutoff))
        }
        let changes = StateDiff.changes(from: before, on: from.day, to: after, on: to.day)
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(.object([
                "from": .string(from.day.description), "to": .string(to.day.description),
                "changes": .array(changes.map { .object(["kind": .string($0.kind), "subject": .string($0.subject.rawValue), "detail": .string($0.detail)]) }),
            ])))
        case .table, .csv, .tsv:
            var table = TextTable("CHANGE", "SUBJECT", "DETAIL")
            for change in changes { table.add(change.kind, change.subject.rawValue, change.detail) }
            if output.format == .table { Console.out("Changes from \(from.day) to \(to.day): \(changes.count)") }
            output.print(table)
        }
    }
}
