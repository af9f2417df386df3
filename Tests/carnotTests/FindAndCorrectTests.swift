import Foundation
import Testing

/// Finding entities by name, suggestions for mistypes, `correct` and `--dry-run`.
@Suite struct FindAndCorrectTests {
    @Test func findIgnoresCaseAccentsAndPunctuationAndSearchesFormerNames() throws {
        let scratch = try Scratch()
        let telecom = try scratch.carnot(["find", "TELECOM & societe"])
        #expect(telecom.status == 0)
        #expect(telecom.stdout.contains("tsn "))
        #expect(try scratch.carnot(["find", "mines"]).stdout.contains("M.I.N.E.S"))
        let former = try scratch.carnot(["find", "ENST Bretagne"])
        #expect(former.stdout.contains("telecom-bretagne"))
        let none = try scratch.carnot(["find", "zzzz"])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
    }

    @Test func listNamesEveryEntityOfAKindOnADay() throws {
        let scratch = try Scratch()
        let institutes = try scratch.carnot(["list", "institutes", "--at", "2020-02-07"])
        #expect(institutes.status == 0)
        #expect(institutes.stdout.contains("ingenierie-at-lyon"))
        #expect(institutes.stdout.split(separator: "\n").contains { $0.hasPrefix("mers ") && $0.contains("carnot (carnot-4)") })
        for kind in ["schools", "people", "consortia", "calls"] {
            #expect(try scratch.carnot(["list", kind]).status == 0)
        }
        #expect(try scratch.carnot(["list", "institues"]).status == 64)
    }

    @Test func showTakesAnUnambiguousNameAndSuggestsIdsForAMistype() throws {
        let scratch = try Scratch()
        let byName = try scratch.carnot(["show", "MERS", "--at", "2021-01-01", "--format", "json"])
        #expect(byName.status == 0)
        #expect(byName.stdout.contains(#""id":"mers""#))
        let byId = try scratch.carnot(["show", "mers", "--at", "2021-01-01", "--format", "json"])
        #expect(byName.stdout == byId.stdout)
        let mistyped = try scratch.carnot(["show", "merz", "--at", "2021-01-01"])
        #expect(mistyped.status == 64)
        #expect(mistyped.stderr.contains("Did you mean 'mers'?"))
        let ambiguous = try scratch.carnot(["show", "telecom", "--at", "2021-01-01"])
        #expect(ambiguous.status == 64)
        #expect(ambiguous.stderr.contains("tsn") && ambiguous.stderr.contains("telecom-paris"))
    }

    @Test func idsCompleteFromTheStore() throws {
        let scratch = try Scratch()
        let script = try scratch.carnot(["--generate-completion-script", "bash"])
        #expect(script.stdout.contains("---completion show -- positional@0"))
        let completed = try scratch.carnot(["---completion", "show", "--", "positional@0", "2", "3", "carnot", "show", "ing"])
        #expect(completed.stdout.split(separator: "\n") == ["ingenierie-at-lyon"])
    }

    @Test func aMistypedSubcommandIsNamedWithASuggestion() throws {
        let result = try Scratch().carnot(["grnat", "tsn", "--kind", "carnot"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'grnat' is not a carnot command. Did you mean 'grant'?"))
        #expect(!result.stderr.contains("Unknown option"))
    }

    @Test func aDateThatIsNoDaySaysWhy() throws {
        let scratch = try Scratch()
        let february = try scratch.carnot(["state", "--at", "2020-02-30"])
        #expect(february.status == 64)
        #expect(february.stderr.contains("February 2020 has 29 days"))
        let month = try scratch.carnot(["grant", "mers", "--kind", "carnot", "--call", "carnot-4", "--from", "2020-13-01",
                                        "--until", "2024-02-07", "--effective", "2020", "--source", "x"])
        #expect(month.status == 64)
        #expect(month.stderr.contains("there is no month 13"))
    }

    @Test func aRefusedIdOrInstantSaysWhatToWriteInstead() throws {
        let scratch = try Scratch()
        let id = try scratch.carnot(["extend", "MERS", "--until", "2025-06-30", "--effective", "2024", "--source", "s"])
        #expect(id.status == 64)
        #expect(id.stderr.contains(#"`carnot find "MERS"` gives the id of a name"#))
        let instant = try scratch.carnot(["state", "--at", "2020", "--known-at", "yesterday"])
        #expect(instant.status == 64)
        #expect(instant.stderr.contains("write a UTC instant as tables print it"))
    }

    @Test func aDryRunShowsTheEventsAsTheyWouldBeWrittenAndWritesNothing() throws {
        let scratch = try Scratch()
        let next = try scratch.nextSeq()
        let head = try scratch.carnot(["head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = FileManager.default.contents(atPath: scratch.db)
        let preview = try scratch.carnot(["extend", "tsn", "--until", "2025-06-30", "--effective", "2025-01-15",
                                          "--source", "ministry letter", "--dry-run", "--format", "json"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains(#""dryRun":true"#))
        #expect(preview.stdout.contains(#""seq":\#(next)"#))
        #expect(preview.stdout.contains(#""prev":"\#(head.split(separator: ":")[1])""#))
        #expect(preview.stdout.contains(#""type":"label.extended""#))
        #expect(FileManager.default.contents(atPath: scratch.db) == before)
        #expect(try scratch.carnot(["head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == head)

        let refused = try scratch.carnot(["extend", "nobody", "--until", "2025-06-30", "--effective", "2025", "--source", "x", "--dry-run"])
        #expect(refused.status == 64)
        #expect(FileManager.default.contents(atPath: scratch.db) == before)

        let file = #"{"events": [{"type": "institute.renamed", "effective": "2024-06-01", "source": "s", "payload": {"institute": "mers", "name": "MERS Ocean"}}]}"#
        let record = try scratch.carnot(["record", "--file", "-", "--dry-run"], stdin: file)
        #expect(record.status == 0)
        #expect(record.stdout.hasPrefix("dry run, nothing written: would record event \(next)"))
        #expect(FileManager.default.contents(atPath: scratch.db) == before)
    }

    @Test func correctRecordsTheReplacementTheSubcommandWouldRecord() throws {
        let scratch = try Scratch()
        let next = try scratch.nextSeq()
        let before = FileManager.default.contents(atPath: scratch.db)
        let correction = ["correct", "213", "--reason", "the extension runs to 30 June 2025", "--effective", "2024",
                          "--source", "ministry erratum"]
        let dryRun = try scratch.carnot(correction + ["--dry-run", "--", "extend", "mers", "--until", "2025-06-30"])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains(#""replacement":{"effective":"2024-01-01","payload":{"institute":"mers","until":"2025-06-30"},"precision":"year","type":"label.extended"}"#))
        #expect(FileManager.default.contents(atPath: scratch.db) == before)

        let recorded = try scratch.carnot(correction + ["--", "extend", "mers", "--until", "2025-06-30"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(try scratch.carnot(["history", "mers"]).stdout.contains("corrected by \(next)"))
        let label = try scratch.carnot(["show", "mers", "--at", "2025-03-01", "--format", "json"]).stdout
        #expect(label.contains(#""until":"2025-06-30""#))

        let after = FileManager.default.contents(atPath: scratch.db)
        for (words, message) in [(["--", "extnd", "mers", "--until", "2025-06-30"], "Did you mean 'extend'?"),
                                 (["--", "extend", "mers", "--until", "2025-06-31"], "June 2025 has 30 days"),
                                 (["--", "extend", "mers", "--until", "2025-06-30", "--db", "x"], "--db after --"),
                                 (["--", "retract", "3", "--reason", "x"], "records no fact"),
                                 ([], "give the corrected fact after --")] {
            let refused = try scratch.carnot(correction + words)
            #expect(refused.status == 64, "\(words)")
            #expect(refused.stderr.contains(message), "\(words): \(refused.stderr)")
        }
        #expect(FileManager.default.contents(atPath: scratch.db) == after)
    }
}
