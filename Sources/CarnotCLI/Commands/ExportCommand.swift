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
        // Streamed from the store to the files: memory holds one event and one buffer, not the log.
        var count = 0
        do {
            let files = try LogFile.publish(to: out, replacing: force) { add in
                try store.forEachEvent { event in
                    try add(event)
                    count += 1
                }
            }
            Console.out("exported \(count) events to \(files.count) file(s) in \(out)")
        } catch let error as StoreError {
            throw CommandFailure(error)
        } catch let error as LogFile.PublishError {
            if case .wouldOverwrite = error { throw CommandFailure(message: "--out \(error)", code: 64) }
            throw OutputPath.failure(error, path: out)
        }
    }
}
