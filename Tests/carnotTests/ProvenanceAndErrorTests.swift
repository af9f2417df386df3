import Foundation
import Testing

/// Record times round-trip, who recorded and how sure is shown, and errors are sentences.
@Suite struct ProvenanceAndErrorTests {
    /// The RECORDED cell of `seq` in `carnot log`.
    func recorded(_ seq: Int, in scratch: Scratch) throws -> String {
        let line = try scratch.carnot(["log", "--format", "tsv"]).stdout.split(separator: "\n").first { $0.hasPrefix("\(seq)\t") }
        return String(try #require(line).split(separator: "\t")[1])
    }

    @Test func aRecordTimeAsPrintedIsAcceptedByKnownAtAndIncludesItsEvent() throws {
        let scratch = try Scratch()
        let time = try recorded(193, in: scratch)
        #expect(time.count == 27 && time.hasSuffix("Z"))
        for form in [time, String(time.prefix(19)), String(time.prefix(19)) + "Z"] {
            let state = try scratch.carnot(["state", "--at", "2020-02-07", "--known-at", form])
            #expect(state.status == 0, "\(form): \(state.stderr)")
            #expect(state.stdout.split(separator: "\n").contains { $0.hasPrefix("mers ") && $0.contains("carnot-4") }, "\(form)")
        }
        let justBefore = try recorded(192, in: scratch)
        let state = try scratch.carnot(["state", "--at", "2020-02-07", "--known-at", justBefore, "--format", "json"])
        #expect(state.stdout.contains(#""seq":192"#))
    }

    @Test func decisionsAreRecordedByTheOperatingSystemUserAndListingsShowWhoAndHowSure() throws {
        let scratch = try Scratch()
        let next = try scratch.nextSeq()
        let user = try Scratch.run("/usr/bin/id", ["-un"], in: scratch.folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try scratch.carnot(["rename-institute", "mers", "--name", "MERS Ocean", "--effective", "2024-06-01",
                                    "--source", "ifremer.fr", "--confidence", "probable"]).status == 0)
        let line = try scratch.carnot(["log", "--since", String(next - 1), "--format", "json"]).stdout
        #expect(line.contains(#""recordedBy":"\#(user)""#))
        let log = try scratch.carnot(["log", "--since", String(next - 1), "--format", "tsv"]).stdout
        #expect(log.contains("\tprobable\t\(user)\n"))
        let history = try scratch.carnot(["history", "mers", "--format", "tsv"]).stdout
        #expect(history.contains("\tprobable\t\(user)\t"))
    }

    @Test func stateShowsTheEventsEachHeldLabelRestsOnWithConfidenceAndRecorder() throws {
        let scratch = try Scratch()
        let next = try scratch.nextSeq()
        let state = try scratch.carnot(["state", "--at", "2024-06-01"]).stdout
        let section = try #require(state.range(of: "Labels held on 2024-06-01 rest on"))
        let rows = state[section.upperBound...].split(separator: "\n").filter { $0.hasPrefix("mers ") }
        #expect(rows.count == 2)
        #expect(rows.first?.contains("193: carnot label granted to mers") == true && rows.first?.contains("confirmed") == true)
        #expect(rows.last?.contains("213: label of mers extended") == true && rows.last?.contains("probable") == true)
        // After a correction, the replacement (carried by the correction) is what the label rests on.
        #expect(try scratch.carnot(["correct", "213", "--reason", "r", "--effective", "2024", "--source", "s", "--recorded-by", "auditor",
                                    "--", "extend", "mers", "--until", "2025-06-30"]).status == 0)
        let corrected = try scratch.carnot(["state", "--at", "2024-06-01"]).stdout
        #expect(corrected.split(separator: "\n").contains { $0.hasPrefix("mers ") && $0.contains("\(next): label of mers extended until 2025-06-30 (replacing 213)") && $0.contains("auditor") })
    }

    @Test func historyJSONCarriesTheCorrectionStatus() throws {
        let scratch = try Scratch()
        let next = try scratch.nextSeq()
        #expect(try scratch.carnot(["retract", "213", "--reason", "draft", "--effective", "2024", "--source", "s"]).status == 0)
        let lines = try scratch.carnot(["history", "mers", "--format", "json"]).stdout.split(separator: "\n")
        #expect(lines.first { $0.contains(#""seq":213"#) }?.contains(#""status":{"retractedBy":\#(next)}"#) == true)
        #expect(lines.first { $0.contains(#""seq":192"#) }?.contains(#""status":null"#) == true)
    }

    @Test func logFiltersByTypeEntityRecordTimeAndRecorder() throws {
        let scratch = try Scratch()
        let granted = try scratch.carnot(["log", "--type", "label.granted", "--entity", "tsn", "--format", "tsv"]).stdout
        let rows = granted.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("\tlabel.granted\t") && $0.contains("tsn") })
        let time = String(try #require(scratch.carnot(["log", "--format", "tsv"]).stdout.split(separator: "\n").first { $0.hasPrefix("200\t") }).split(separator: "\t")[1])
        let window = try scratch.carnot(["log", "--from", time, "--to", time, "--format", "tsv"]).stdout.split(separator: "\n")
        #expect(window.count == 2 && window[1].hasPrefix("200\t"))
        #expect(try scratch.carnot(["log", "--recorded-by", "nobody-at-all"]).stdout.split(separator: "\n").count == 2)
        let mistyped = try scratch.carnot(["log", "--type", "label.grantd"])
        #expect(mistyped.status == 64)
        #expect(mistyped.stderr.contains("Did you mean 'label.granted'?"))
    }

    @Test func outputFilesAreReplacedOnlyWithForceAndWriteErrorsAreSentences() throws {
        let scratch = try Scratch()
        let out = scratch.folder.appendingPathComponent("snapshot.json").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: out))
        let refused = try scratch.carnot(["snapshot", "--at", "2020-02-07", "--out", out])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("already exists; pass --force"))
        #expect(FileManager.default.contents(atPath: out) == Data("keep me".utf8))
        #expect(try scratch.carnot(["snapshot", "--at", "2020-02-07", "--out", out, "--force"]).status == 0)
        #expect(FileManager.default.contents(atPath: out) != Data("keep me".utf8))

        #expect(try scratch.carnot(["export", "--out", "published"]).status == 0)
        let again = try scratch.carnot(["export", "--out", "published"])
        #expect(again.status == 64)
        #expect(again.stderr.contains("pass --force"))
        #expect(try scratch.carnot(["export", "--out", "published", "--force"]).status == 0)

        let intoFile = try scratch.carnot(["snapshot", "--at", "2020-02-07", "--out", out + "/x.json"])
        #expect(intoFile.status != 0)
        #expect(intoFile.stderr.contains("--out \(out)/x.json: cannot write"))
        #expect(!intoFile.stderr.contains("Error Domain"))
    }

    @Test func progressIsPrintedOnlyWhenStderrIsATerminal() throws {
        let scratch = try Scratch()
        let generated = try scratch.carnot(["generate", "--events", "1500", "--institutes", "10", "--seed", "3", "--out", "big.ndjson"])
        #expect(generated.status == 0)
        #expect(generated.stderr.isEmpty)
        // stdout a terminal (script(1) gives the command a pseudo-terminal), stderr a file: nothing on stderr.
        for command in ["import big.ndjson --db big.sqlite", "verify --db big.sqlite", "audit --events big.ndjson --snapshots Snapshots"] {
            let run = try scratch.shell("script -qec 'carnot \(command) 2>stderr.txt' /dev/null")
            #expect(!run.stdout.isEmpty, "\(command)")
            let stderr = try String(contentsOf: scratch.folder.appendingPathComponent("stderr.txt"), encoding: .utf8)
            #expect(!stderr.contains("\r") && !stderr.contains("/1500 events"), "\(command): \(stderr)")
        }
        // Both on the terminal: the import shows its progress once it has run for a second, its last line once.
        // A log long enough that its import alone outlasts the second: with 1,500 events, a loaded machine spent
        // the second and a half starting the process, and the import ended before its progress was due.
        #expect(try scratch.carnot(["generate", "--events", "30000", "--institutes", "10", "--seed", "3", "--out", "long.ndjson"]).status == 0)
        let started = Date()
        let shown = try scratch.shell("script -qec 'carnot import long.ndjson --db shown.sqlite' /dev/null")
        if Date().timeIntervalSince(started) > 1.5 {
            #expect(shown.stdout.components(separatedBy: "import: 30000 events (100% of the log read)").count == 2, "\(shown.stdout)")
        }
    }
}
