import CarnotRegistry
import Foundation
import Testing

/// `carnot history`: an entity's events in log order, each with the correction that decides it, the same in
/// every format, and in pages with --since and --limit.
@Suite struct HistoryCommandTests {
    /// The positions and statuses of a `--format json` history, the status as the table prints it.
    private static func entries(_ stdout: String) throws -> [(seq: Int64, status: String)] {
        try stdout.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let seq = try #require((object["seq"] as? NSNumber)?.int64Value)
            guard let status = object["status"] as? [String: NSNumber] else { return (seq, "") }
            let (kind, by) = try #require(status.first)
            return (seq, (kind == "retractedBy" ? "retracted by " : "corrected by ") + String(by.int64Value))
        }
    }

    @Test func everyEventNamingTheEntityIsListedInLogOrderWithTheCorrectionThatDecidesIt() throws {
        let scratch = try Scratch()
        let next = try scratch.nextSeq()
        let writes: [[String]] = [
            ["rename-institute", "mers", "--name", "MERS Ocean", "--effective", "2024-06-01", "--source", "s"],
            ["rename-institute", "tsn", "--name", "TSN bis", "--effective", "2024-06-01", "--source", "s"],
            ["correct", "213", "--reason", "r1", "--effective", "2024", "--source", "s", "--", "extend", "mers", "--until", "2025-06-30"],
            ["correct", "213", "--reason", "r2", "--effective", "2024", "--source", "s", "--", "extend", "mers", "--until", "2025-12-31"],
            ["retract", "193", "--reason", "draft", "--effective", "2024", "--source", "s"],
        ]
        for arguments in writes {
            let result = try scratch.carnot(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let history = try scratch.carnot(["history", "mers", "--format", "json"])
        #expect(history.status == 0, "\(history.stderr)")
        let entries = try Self.entries(history.stdout)
        #expect(history.stdout.split(separator: "\n").allSatisfy { $0.contains(#""status":"#) })
        // The same events as a filter of the whole log by the entities each names, in the same order.
        let log = try Self.entries(scratch.carnot(["log", "--entity", "mers", "--format", "json"]).stdout)
        #expect(entries.map(\.seq) == log.map(\.seq))
        #expect(entries.map(\.seq) == entries.map(\.seq).sorted())
        #expect(!entries.contains { $0.seq == next + 1 }, "tsn's rename is not mers's")
        let status = Dictionary(entries.map { ($0.seq, $0.status) }, uniquingKeysWith: { first, _ in first })
        #expect(status[213] == "corrected by \(next + 3)", "the latest correction decides")
        #expect(status[193] == "retracted by \(next + 4)")
        #expect(status[next + 2] == "", "a correction is listed under its replacement's entity")
        #expect(status[next] == "")
        #expect(entries.filter { !$0.status.isEmpty }.count == 2)

        // The table, CSV and TSV list the same rows with the same statuses.
        let csv = try scratch.carnot(["history", "mers", "--format", "csv"]).stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(csv.map { Int64($0.prefix { $0 != "," }) } == entries.map(\.seq))
        #expect(csv.first { $0.hasPrefix("213,") }?.hasSuffix(",corrected by \(next + 3)") == true)
        let tsv = try scratch.carnot(["history", "mers", "--format", "tsv"]).stdout.split(separator: "\n").dropFirst()
        #expect(tsv.map { $0.split(separator: "\t", omittingEmptySubsequences: false).last.map(String.init) } == entries.map(\.status))
        let table = try scratch.carnot(["history", "mers"]).stdout.split(separator: "\n")
        #expect(table.count == entries.count + 2)
        #expect(table.dropFirst(2).map { Int64($0.prefix { $0 != " " }) } == entries.map(\.seq))
        #expect(table.first { $0.hasPrefix("193 ") }?.hasSuffix("retracted by \(next + 4)") == true)
    }

    @Test func aMergedSchoolsHistoryEndsWithTheMergerAndTheNewSchoolStartsWithIt() throws {
        let scratch = try Scratch()
        let merged = try Self.entries(scratch.carnot(["history", "mines-nantes", "--format", "json"]).stdout)
        let into = try Self.entries(scratch.carnot(["history", "imt-atlantique", "--format", "json"]).stdout)
        let merger = try #require(into.first).seq
        #expect(merged.contains { $0.seq == merger })
        let table = try scratch.carnot(["history", "imt-atlantique"]).stdout
        #expect(table.contains("mines-nantes + telecom-bretagne merged into imt-atlantique \"IMT Atlantique\""))
    }

    @Test func pagesWithSinceAndLimitCoverTheWholeHistoryOnce() throws {
        let scratch = try Scratch()
        let whole = try scratch.carnot(["history", "tsn", "--format", "json"]).stdout.split(separator: "\n")
        #expect(whole.count > 5)
        var pages: [Substring] = [], since: Int64 = 0
        while true {
            let page = try scratch.carnot(["history", "tsn", "--format", "json", "--since", String(since), "--limit", "3"])
            #expect(page.status == 0, "\(page.stderr)")
            let lines = page.stdout.split(separator: "\n")
            #expect(lines.count <= 3)
            guard let last = try Self.entries(page.stdout).last else { break }
            pages += lines
            since = last.seq
        }
        #expect(pages == whole)
        let table = try scratch.carnot(["history", "tsn", "--limit", "2"]).stdout.split(separator: "\n")
        #expect(table.count == 4)
        let refused = try scratch.carnot(["history", "tsn", "--limit", "0"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--limit 0"))
    }

    @Test func anIndexThatNamesAnEventTheLogLacksIsAnIntegrityFailure() throws {
        let scratch = try Scratch()
        let forger = try SQLiteConnection(path: scratch.db)
        try forger.execute("INSERT INTO entity_events (entity, effective, seq, writes) VALUES ('mers', 0, 999999, 0)")
        for arguments in [["history", "mers"], ["history", "mers", "--format", "json"], ["history", "mers", "--since", "200", "--limit", "1000"]] {
            let result = try scratch.carnot(arguments)
            #expect(result.status == 66, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("carnot verify"), "\(arguments)")
        }
        // A page that ends before the forged position does not reach it.
        #expect(try scratch.carnot(["history", "mers", "--limit", "2"]).status == 0)
    }
}
