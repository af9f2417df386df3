import ArgumentParser
import CarnotRegistry

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the log as published NDJSON files (recorded-YYYY.ndjson) into a folder.",
        discussion: "Example:\n  carnot export --out published")

    @Option(help: ArgumentHelp("The folder to write into.", valueName: "dir")) var out: String
    @Flag(help: "Replace the log files already in the folder.") var force = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        try OutputPath.checkLogFolder(out, force: force)
        let store = try self.store.openForReading()
        let events = try CommandFailure.guarding { () throws(StoreError) in try store.events() }
        do {
            let files = try LogFile.publish(events, to: out, replacing: force)
            Console.out("exported \(events.count) events to \(files.count) file(s) in \(out)")
        } catch {
            if case .wouldOverwrite = error { throw CommandFailure(message: "--out \(error)", code: 64) }
            throw OutputPath.failure(error, path: out)
        }
    }
}
