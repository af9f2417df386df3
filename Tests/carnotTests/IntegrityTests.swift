import CarnotRegistry
import Foundation
import Testing

/// The integrity issue's reproductions, through the built binary, each on a store made with
/// `carnot import Events/`: refused with the documented exit code, naming the cause, writing nothing.
@Suite struct IntegrityTests {
    /// A CLI whose store holds the bundled history.
    private func bundled() throws -> CLI {
        let cli = try CLI()
        let imported = try cli.run(["import", try #require(BundledHistory.folder())])
        try #require(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    /// Runs `arguments` expecting `status` and `words` on stderr, with the store file byte-identical.
    private func expectRefused(_ cli: CLI, _ arguments: [String], status: Int32 = 64, saying words: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = cli.storeBytes()
        let result = try cli.run(arguments)
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(cli.storeBytes() == before, sourceLocation: sourceLocation)
    }

    private let common = ["--effective", "2026", "--source", "t"]

    /// `event` with the hash its body and `prev` give: a well-formed line, as a forger would re-hash it.
    private static func chained(_ event: RecordedEvent) -> RecordedEvent {
        RecordedEvent(seq: event.seq, id: event.id, schema: event.schema, event: event.event, effective: event.effective,
                      precision: event.precision, recorded: event.recorded, source: event.source, recordedBy: event.recordedBy,
                      confidence: event.confidence, note: event.note, prev: event.prev,
                      hash: EventSchema.hash(prev: event.prev, body: CanonicalJSON.bytes(EventSchema.body(of: event))))
    }

    @Test func aNameTooLongForTheReaderIsRefusedWith64AndTheStoreStaysUsable() throws {
        let cli = try bundled()
        let long = String(repeating: "a", count: 301)
        try expectRefused(cli, ["rename-institute", "mines", "--name", long] + common, saying: "payload.name")
        try expectRefused(cli, ["rename-school", "imt-atlantique", "--name", long] + common, saying: "payload.name")
        try expectRefused(cli, ["register-person", "someone", "--name", long] + common, saying: "payload.name")
        try expectRefused(cli, ["form-consortium", "c-new", "--name", long] + common, saying: "payload.name")
        #expect(try cli.run(["verify"]).status == 0)
        #expect(try cli.run(["state", "--at", "2026-06-01"]).status == 0)
    }

    @Test func aLabelOfTheOtherKindCannotRunBesideTheOneHeld() throws {
        let cli = try bundled()
        try expectRefused(cli, ["grant", "tsn", "--kind", "tremplin", "--call", "carnot-4", "--from", "2021-01-01",
                                "--until", "2023-01-01", "--effective", "2021-01-01", "--source", "t"],
                          saying: "one label term at a time")
    }

    @Test func anExtensionCannotReviveALabelThatEndedYearsAgo() throws {
        let cli = try bundled()
        try expectRefused(cli, ["extend", "cirimat", "--until", "2025-02-07", "--effective", "2024", "--source", "t"],
                          saying: "an ended term cannot be extended")
    }

    @Test func retractionsThatLeaveDependentsWithoutTheirBasisAreRefusedAndNoneIsAcceptedTwice() throws {
        let cli = try bundled()
        // TSN's 2006 grant (9) carries its renewals of 2011, 2016 and 2020 and the extension of 2024.
        try expectRefused(cli, ["retract", "9", "--reason", "test"] + common, saying: "retract or correct 74, 166, 195, 211 first")
        // Its registration (5) carries the schools affiliated to it.
        try expectRefused(cli, ["retract", "5", "--reason", "test"] + common, saying: "22, 23, 24, 25, 26")
        // A leaf can be retracted, once.
        let retracted = try cli.run(["retract", "211", "--reason", "test", "--format", "json"] + common)
        #expect(retracted.status == 0)
        let position = try #require(retracted.stdout.range(of: #"(?<="first":)\d+"#, options: .regularExpression))
        try expectRefused(cli, ["retract", "211", "--reason", "test"] + common,
                          saying: "already retracted by event \(retracted.stdout[position])")
    }

    @Test func allEventsOfADecisionFileCarryOneRecordTime() throws {
        let cli = try CLI()
        let decision = try cli.write("decision.json", """
            {"events": [
              {"type": "call.opened", "effective": "2019-06", "source": "s", "payload": {"call": "c4", "name": "Carnot 4"}},
              {"type": "institute.registered", "effective": "2020", "source": "s", "payload": {"institute": "mers", "name": "MERS", "homeInstitutions": []}},
              {"type": "label.granted", "effective": "2020-02-07", "source": "s", "payload": {"institute": "mers", "kind": "carnot", "call": "c4", "from": "2020-02-07", "until": "2024-02-07"}}
            ]}
            """)
        #expect(try cli.run(["record", "--file", decision]).status == 0)
        let lines = try cli.run(["log", "--format", "json"]).stdout.split(separator: "\n")
        let times = Set(lines.compactMap { line in line.range(of: #""recorded":"[^"]+""#, options: .regularExpression).map { String(line[$0]) } })
        #expect(lines.count == 3)
        #expect(times.count == 1)
    }

    @Test func aCutOffPastTheHeadOrInTheFutureIsRefusedNamingTheHead() throws {
        let cli = try bundled()
        try expectRefused(cli, ["state", "--at", "2020-02-07", "--upto", "9999"], saying: "past the head of the log (")
        try expectRefused(cli, ["state", "--at", "2020-02-07", "--known-at", "2999-12-31T00:00:00Z"], saying: "lies in the future")
    }

    @Test func aReadNeverCreatesAStoreAndTheDefaultStoreNeedsItsHistory() throws {
        let cli = try CLI()
        let typo = cli.folder.appendingPathComponent("typo.sqlite").path
        for command in [["verify"], ["state", "--at", "2020-02-07"], ["head"]] {
            let result = try cli.run(command + ["--db", typo], withDB: false)
            #expect(result.status == 66)
            #expect(result.stderr.contains("no store at \(typo)"))
            #expect(!FileManager.default.fileExists(atPath: typo))
        }
        let missing = try cli.run(["state", "--at", "2020-02-07"], withDB: false,
                                  environment: ["CARNOT_EVENTS": cli.folder.appendingPathComponent("nowhere").path])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot be found"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent(".carnot/registry.sqlite").path))
    }

    @Test func aFutureRecordTimeIsRefusedAtImportAndAPinnedHeadRefusesAForgery() throws {
        let source = try CLI()
        #expect(try source.run(["register-person", "a", "--name", "A"] + common).status == 0)
        let line = try source.run(["log", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let original = try EventSchema.decodeRecorded(try JSONParser.parse(line))
        let forged = RecordedEvent(seq: 1, id: original.id, event: original.event, effective: original.effective,
                                   precision: original.precision, recorded: try #require(Timestamp(parsing: "2999-12-31T23:59:59.999999Z")),
                                   source: original.source, recordedBy: original.recordedBy, confidence: original.confidence,
                                   note: original.note, prev: original.prev,
                                   hash: "")
        let signed = Self.chained(forged)
        let file = try source.write("future.ndjson", String(decoding: EventSchema.line(of: signed), as: UTF8.self) + "\n")
        let target = try CLI()
        let refused = try target.run(["import", file])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("future.ndjson:1"))
        #expect(refused.stderr.contains("lies in the future"))
        // The published head pins the log: a re-hashed forgery at that position is refused before any write.
        let head = try source.run(["head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let pinned = try target.run(["import", file, "--expect-head", head])
        #expect(pinned.status == 66)
        #expect(pinned.stderr.contains("not the published head"))
        #expect(try target.run(["import", try source.write("true.ndjson", line + "\n"), "--expect-head", head]).status == 0)
    }

    @Test func readersDoNotWaitForAWriterHoldingTheLock() throws {
        let cli = try bundled()
        let writer = try SQLiteConnection(path: cli.db)
        try writer.execute("BEGIN IMMEDIATE")
        defer { try? writer.execute("ROLLBACK") }
        let started = Date()
        #expect(try cli.run(["head"]).status == 0)
        #expect(try cli.run(["state", "--at", "2020-02-07"]).status == 0)
        // The busy timeout is 10 s: a reader that took the lock would have waited for it.
        #expect(Date().timeIntervalSince(started) < 8)
    }

    @Test func anotherProgramsDatabaseIsRefusedByteIdentical() throws {
        let cli = try CLI()
        let other = cli.folder.appendingPathComponent("other.sqlite").path
        do {
            let connection = try SQLiteConnection(path: other)
            try connection.execute("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
        }
        let before = FileManager.default.contents(atPath: other)
        for command in [["head"], ["register-person", "a", "--name", "A"] + common] {
            let result = try cli.run(command + ["--db", other], withDB: false)
            #expect(result.status == 66)
            #expect(result.stderr.contains("not a carnot store"))
            #expect(FileManager.default.contents(atPath: other) == before)
            #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
        }
        let text = try cli.write("notes.txt", "just text, not a database at all")
        let refused = try cli.run(["head", "--db", text], withDB: false)
        #expect(refused.status == 66)
        #expect(refused.stderr.contains("not an SQLite database"))
    }

    @Test func storesArePathsNeverMemoryOrURIsAndALinkGetsAPrivateFile() throws {
        let cli = try CLI()
        let memory = try cli.run(["register-person", "a", "--name", "A", "--db", ":memory:"] + common, withDB: false)
        #expect(memory.status == 64)
        #expect(memory.stderr.contains("in-memory"))
        let uri = try cli.run(["register-person", "a", "--name", "A", "--db", "file:x.sqlite?immutable=1"] + common, withDB: false)
        #expect(uri.status == 0, "\(uri.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("file:x.sqlite?immutable=1").path))
        let link = cli.folder.appendingPathComponent("link.sqlite").path
        let target = cli.folder.appendingPathComponent("real.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try cli.run(["register-person", "a", "--name", "A", "--db", link] + common, withDB: false).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func smallerCasesResultsOnceFullDayTermsAndPermissionErrorsNamedRightly() throws {
        let cli = try bundled()
        // The bundled history records the results of carnot-4 (2020-02-07); a second announcement is refused.
        try expectRefused(cli, ["announce-results", "carnot-4", "--labelled", "37"] + common, saying: "already announced")
        try expectRefused(cli, ["grant", "mines", "--kind", "carnot", "--call", "carnot-4", "--from", "2020-02",
                                "--until", "2024-02-07", "--effective", "2020-02", "--source", "t"],
                          saying: "must be a full day")
        if getuid() != 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: cli.db)
            let denied = try cli.run(["register-person", "z", "--name", "Z"] + common)
            #expect(denied.status == 1)
            #expect(!denied.stderr.contains("--read-only"))
        }
    }

    @Test func exportNeverOverwritesWithoutForceAndLeavesNoDebris() throws {
        let cli = try bundled()
        let out = cli.folder.appendingPathComponent("published").path
        #expect(try cli.run(["export", "--out", out]).status == 0)
        let again = try cli.run(["export", "--out", out])
        #expect(again.status == 64)
        #expect(again.stderr.contains("--force"))
        #expect(try cli.run(["export", "--out", out, "--force"]).status == 0)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)
        #expect(!siblings.contains { $0.contains(".exporting-") })
        let original = try String(contentsOfFile: try #require(BundledHistory.folder()) + "/recorded-2026.ndjson", encoding: .utf8)
        #expect(try String(contentsOfFile: out + "/recorded-2026.ndjson", encoding: .utf8) == original)
    }

    @Test func anAuditOfALogThatDoesNotReplayFailsWith66() throws {
        let source = try CLI()
        #expect(try source.run(["register-person", "a", "--name", "A"] + common).status == 0)
        let snapshots = source.folder.appendingPathComponent("snapshots").path
        try FileManager.default.createDirectory(atPath: snapshots, withIntermediateDirectories: true)
        #expect(try source.run(["snapshot", "--at", "2026-06-01", "--out", snapshots + "/2026-06-01.json"]).status == 0)
        let first = try EventSchema.decodeRecorded(try JSONParser.parse(source.run(["log", "--format", "json"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        // A well-chained grant to an institute nobody registered: the rules refuse it on replay.
        let unsigned = RecordedEvent(seq: 2, id: "forged-2", event: .labelGranted(
            institute: EntityID("nobody")!, kind: .carnot, call: EntityID("nocall")!, from: Day(year: 2020, month: 1, day: 1)!,
            until: Day(year: 2024, month: 1, day: 1)!, probation: false),
            effective: Day(year: 2020, month: 1, day: 1)!, precision: .day, recorded: first.recorded, source: "t",
            recordedBy: "t", confidence: .confirmed, note: nil, prev: first.hash, hash: "")
        let signed = Self.chained(unsigned)
        let events = source.folder.appendingPathComponent("events").path
        try FileManager.default.createDirectory(atPath: events, withIntermediateDirectories: true)
        let lines = [first, signed].map { String(decoding: EventSchema.line(of: $0), as: UTF8.self) }.joined(separator: "\n") + "\n"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: events + "/recorded-2026.ndjson"))
        let audit = try source.run(["audit", "--events", events, "--snapshots", snapshots], withDB: false)
        #expect(audit.status == 66, "\(audit.stderr)")
        #expect(audit.stderr.contains("does not replay"))
    }
}
