import ArgumentParser
import CarnotRegistry

struct HeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Print the log's head as SEQ:HASH, to publish and later check with `carnot verify --head`.",
        discussion: "Example:\n  carnot head")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.requireTableOrJSON("head")
        let store = try self.store.openForReading()
        let head = try CommandFailure.guarding { () throws(StoreError) in try store.head() }
        switch output.format {
        case .json: Console.out(CanonicalJSON.string(.object(["seq": .integer(head.seq), "hash": .string(head.hash)])))
        case .table, .csv, .tsv: Console.out(head.description)
        }
    }
}
