import CarnotRegistry
import Foundation

/// Appends a decision, or with --dry-run shows what it would append: shared by `record`, `correct` and
/// every decision subcommand, so that a dry run is available wherever something is written.
enum DecisionWriter {
    static func write(_ drafts: [EventDraft], guarding: AppendOptions, store options: StoreOptions, output: OutputOptions) throws {
        if guarding.dryRun {
            // A dry run writes nothing, not even a new store: it previews against a store that exists.
            guard FileManager.default.fileExists(atPath: options.db) else {
                throw CommandFailure(message: "--dry-run: there is no store at \(options.db) to check the decision against; give --db PATH of an existing store", code: 64)
            }
            let store = try options.openForWriting()
            let events = try CommandFailure.guarding { () throws(StoreError) in
                try store.preview(drafts, expectedHead: guarding.expectHead)
            }
            DryRunReport.print(events, format: output.format)
            return
        }
        let store = try options.openForWriting()
        let result = try CommandFailure.guarding { () throws(StoreError) in
            try store.append(drafts, expectedHead: guarding.expectHead, idempotencyKey: guarding.idempotencyKey)
        }
        AppendReport.print(result, format: output.format)
    }
}

/// How a dry run is reported: the events as their published lines, and what the head would become.
enum DryRunReport {
    static func print(_ events: [RecordedEvent], format: OutputOptions.Format) {
        guard let first = events.first, let last = events.last else { return }
        let lines = events.map { String(decoding: EventSchema.line(of: $0), as: UTF8.self) }
        switch format {
        case .json:
            let parsed = events.compactMap { try? JSONParser.parse(EventSchema.line(of: $0)) }
            Console.out(CanonicalJSON.string(.object([
                "dryRun": .bool(true), "first": .integer(first.seq), "last": .integer(last.seq),
                "head": .object(["seq": .integer(last.seq), "hash": .string(last.hash)]), "events": .array(parsed),
            ])))
        case .table, .csv, .tsv:
            let positions = first.seq == last.seq ? "event \(first.seq)" : "events \(first.seq)-\(last.seq)"
            Console.out("dry run, nothing written: would record \(positions); head would be \(last.seq):\(last.hash)")
            lines.forEach(Console.out)
        }
    }
}
