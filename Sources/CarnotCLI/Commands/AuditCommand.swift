import ArgumentParser
import CarnotRegistry

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Replay the published log into a fresh in-memory store and check every snapshot against it.",
        discussion: """
        The replay verifies the chain and every event; each snapshot is recomputed from the log up to the head \
        it names. Exits 66 on any mismatch or when the log does not replay.

        Example:
          carnot audit --events Events --snapshots Snapshots
        """)

    @Option(help: ArgumentHelp("The published log (default: the bundled Events/).", valueName: "dir"))
    var events: String?
    @Option(help: ArgumentHelp("The snapshots (default: the bundled Snapshots/).", valueName: "dir"))
    var snapshots: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let events = events ?? BundledHistory.folder() else {
            throw CommandFailure(message: "--events: no published log found; give --events DIR", code: 64)
        }
        guard let snapshots = snapshots ?? BundledHistory.snapshotsFolder() else {
            throw CommandFailure(message: "--snapshots: no snapshots found; give --snapshots DIR", code: 64)
        }
        let progress = Progress("audit")
        let report = try CommandFailure.guarding { () throws(StoreError) in
            try Auditor.audit(events: events, snapshots: snapshots) { done, total in
                progress.update(Int64(done), of: Int64(total))
            }
        }
        progress.finish()
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(.object([
                "passed": .bool(report.passed), "replayed": .integer(Int64(report.eventsReplayed)),
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
            if output.format == .table { Console.out("replayed \(report.eventsReplayed) events from \(events): chain verified, head \(report.head)") }
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
        if !report.passed { throw CommandFailure(message: "audit failed: a snapshot does not match the replayed log", code: 66) }
    }
}
