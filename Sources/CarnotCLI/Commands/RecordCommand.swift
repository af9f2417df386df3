import ArgumentParser
import CarnotRegistry
import Foundation

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Append a decision written as JSON: one or more events, all recorded or none.",
        discussion: """
        The file holds {"events": [...]}; each event has "type", "effective" (YYYY, YYYY-MM or YYYY-MM-DD), \
        "source", "payload", and optionally "confidence" (confirmed, probable, uncertain), "note", \
        "recordedBy" and "id". The README documents every type and its payload.

        --dry-run validates the decision against the log and prints the events exactly as they would be \
        written (positions, ids, record time, hashes), writing nothing.

        Examples:
          echo '{"events": [{"type": "institute.registered", "effective": "2026-05-12", "source": "MESR press release", "payload": {"institute": "ocean-lab", "name": "Ocean Lab", "homeInstitutions": ["Ifremer"]}}]}' | carnot record --file - --dry-run
          echo '{"events": [{"type": "institute.renamed", "effective": "2024-06-01", "source": "ifremer.fr", "payload": {"institute": "mers", "name": "MERS Ocean"}}]}' | carnot record --file -
        """)

    @Option(name: .long, help: ArgumentHelp("The decision file (- for standard input).", valueName: "path"))
    var file: String
    @Option(name: .long, help: ArgumentHelp("Who records the decision, for events that do not say (default: the operating-system user).", valueName: "name"))
    var recordedBy: String = OperatingSystemUser.name
    @OptionGroup var guarding: AppendOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    /// Decision files larger than this are refused before parsing.
    static let maximumBytes = 16 << 20

    func run() throws {
        try output.requireTableOrJSON("record")
        // At most one byte past the cap is read: a larger file is refused without being held in memory.
        let data: Data
        do {
            let handle = file == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
            data = try handle.read(upToCount: Self.maximumBytes + 1) ?? Data()
        } catch {
            throw CommandFailure(message: "--file \(file): cannot read the file (it does not exist or is not readable); give the path of a decision file, or - for standard input", code: 64)
        }
        guard data.count <= Self.maximumBytes else {
            throw CommandFailure(message: "--file \(file): larger than \(Self.maximumBytes >> 20) MiB, the most a decision file may hold; split the decision into several", code: 64)
        }
        let drafts: [EventDraft]
        do {
            drafts = try EventSchema.decodeDecision(try JSONParser.parse([UInt8](data)), defaultRecordedBy: recordedBy)
        } catch let error as JSONError {
            throw CommandFailure(message: "\(file): \(error)", code: 64)
        } catch let error as EventFormatError {
            throw CommandFailure(StoreError.malformed(error))
        }
        try DecisionWriter.write(drafts, guarding: guarding, store: store, output: output)
    }
}
