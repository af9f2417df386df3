import ArgumentParser
import CarnotRegistry
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Replay the published log (or a live store) and check every snapshot against it.",
        discussion: """
        The replay verifies the chain and every event; each snapshot is recomputed from the log up to the head \
        it names. A signed checkpoint published beside the log (checkpoint.txt with key.pub) must verify and \
        match the log's first events at its own size. With --db, audits a live store instead: verifies it in \
        full (every derived table and checkpoint re-derived from a replay) and checks each snapshot against \
        the store's own answer. Exits 66 on any mismatch or when the log does not replay.

        Examples:
          carnot audit --events Events --snapshots Snapshots
          carnot audit --db .carnot/registry.sqlite
        """)

    @Option(help: ArgumentHelp("The published log (default: the bundled Events/).", valueName: "dir"))
    var events: String?
    @Option(help: ArgumentHelp("The snapshots (default: the bundled Snapshots/).", valueName: "dir"))
    var snapshots: String?
    @Option(help: ArgumentHelp("Audit this live store rather than a published log.", valueName: "path"))
    var db: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        if db != nil, events != nil {
            throw CommandFailure(message: "--db and --events: audit either a live store or a published log, not both", code: 64)
        }
        guard let snapshots = snapshots ?? BundledHistory.snapshotsFolder() else {
            throw CommandFailure(message: "--snapshots: no snapshots found; give --snapshots DIR", code: 64)
        }
        let source: String
        let report: AuditReport
        if let db {
            guard FileManager.default.fileExists(atPath: db) else {
                throw CommandFailure(message: "--db \(db): no such store", code: 66)
            }
            let store = try CommandFailure.guarding { () throws(StoreError) in try EventStore(path: db, readOnly: true) }
            report = try Self.replaying { () throws(StoreError) in try Auditor.audit(store: store, snapshots: snapshots) }
            source = db
        } else {
            guard let events = events ?? BundledHistory.folder() else {
                throw CommandFailure(message: "--events: no published log found; give --events DIR", code: 64)
            }
            let progress = Progress("audit")
            report = try Self.replaying { () throws(StoreError) in
                try Auditor.audit(events: events, snapshots: snapshots) { done, bytes, total in
                    progress.update(Int64(done), bytes: bytes, of: total)
                }
            }
            progress.finish()
            source = events
        }
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(.object([
                "passed": .bool(report.passed), "replayed": .integer(Int64(report.eventsReplayed)),
                "confirmations": .array(report.confirmations.map { .string($0) }),
                "problems": .array(report.problems.map { .string($0) }),
                "head": .object(["seq": .integer(report.head.seq), "hash": .string(report.head.hash)]),
                "snapshots": .array(report.verdicts.map { verdict in
                    .object([
                        "file": .string(verdict.file), "at": .string(verdict.at.description), "matches": .bool(verdict.matches),
                        "problem": verdict.problem.map { .string($0) } ?? .null,
                        "differences": .array(verdict.differences.map { difference in
                            .object(["path": .string(difference.path), "expected": difference.expected ?? .null,
                                     "found": difference.found ?? .null])
                        }),
                    ])
                }),
            ])))
        case .table, .csv, .tsv:
            if output.format == .table {
                Console.out("replayed \(report.eventsReplayed) events from \(source): chain verified, head \(report.head)")
                for confirmation in report.confirmations { Console.out("ok: \(confirmation)") }
                for problem in report.problems { Console.out("FAILED: \(problem)") }
            }
            var table = TextTable("SNAPSHOT", "AT", "HEAD", "VERDICT")
            for verdict in report.verdicts {
                table.add(verdict.file, verdict.at.description, String(verdict.head.seq),
                          verdict.matches ? "match" : verdict.problem ?? "MISMATCH (\(verdict.differences.count) differences)")
            }
            output.print(table)
            for verdict in report.verdicts where !verdict.differences.isEmpty && output.format == .table {
                var differences = TextTable("FIELD", "EXPECTED", "FOUND")
                for difference in verdict.differences {
                    differences.add(difference.path, difference.expected.map(JSONOutline.scalar) ?? "(absent)",
                                    difference.found.map(JSONOutline.scalar) ?? "(absent)")
                }
                Console.out("\n\(verdict.file):\n" + differences.rendered)
            }
        }
        if report.verdicts.isEmpty { throw CommandFailure(message: "no snapshot found in \(snapshots)", code: 64) }
        if !report.passed {
            throw CommandFailure(message: "audit failed: " + (report.problems.first ?? "a snapshot does not match the replayed log"), code: 66)
        }
    }

    /// Runs a replay: a log that does not replay (a line altered, refused by the rules, out of order) fails
    /// the audit itself, exit 66, whatever the reason the import gives.
    private static func replaying<T>(_ body: () throws(StoreError) -> T) throws -> T {
        do { return try body() } catch {
            switch error {
            case .badLine, .invalid, .malformed: throw CommandFailure(message: "audit failed: the log does not replay: \(error)", code: 66)
            default: throw CommandFailure(error)
            }
        }
    }
}
