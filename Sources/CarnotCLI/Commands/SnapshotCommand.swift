import ArgumentParser
import CarnotRegistry
import Foundation

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write an audit checkpoint: the canonical state on a day with the log head it comes from.",
        discussion: "Example:\n  carnot snapshot --at 2020-02-07 --out 2020-02-07.json")

    @Option(help: ArgumentHelp("The day (YYYY-MM-DD).", valueName: "date")) var at: PartialDate
    @Option(help: ArgumentHelp("The file to write.", valueName: "file")) var out: String
    @Flag(help: "Replace --out if it exists.") var force = false
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        try OutputPath.checkFile(out, force: force)
        let store = try self.store.openForReading()
        let snapshot = try CommandFailure.guarding { () throws(StoreError) in
            // From the events themselves (`Timeline`'s rules), as `carnot audit` recomputes it, streamed.
            let upto = min(try store.position(knownAt.cutoff), try store.head().seq)
            let head = upto == 0 ? LogHead.empty : LogHead(seq: upto, hash: try store.hash(at: upto) ?? "")
            return Snapshot(state: try store.recomputedState(at: at.day, upto: upto), at: at.day, head: head)
        }
        do {
            try Data(snapshot.bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw OutputPath.failure(error, path: out)
        }
        Console.out("wrote the state on \(at.day) at head \(snapshot.head.seq) to \(out)")
    }
}
