import Foundation
import Testing

@Suite struct RecordAndQueryTests {
    /// Opens carnot-4, registers MERS and grants its label, through the subcommands.
    func seeded() throws -> CLI {
        let cli = try CLI()
        let common = ["--effective", "2020-02-07", "--source", "MESRI press release, 7 Feb 2020"]
        #expect(try cli.run(["open-call", "carnot-4", "--name", "Carnot 4"] + ["--effective", "2019-06", "--source", "MESRI"]).status == 0)
        #expect(try cli.run(["register-institute", "mers", "--name", "MERS", "--home", "Ifremer"] + common).status == 0)
        let grant = try cli.run(["grant", "mers", "--kind", "carnot", "--call", "carnot-4", "--from", "2020-02-07",
                                 "--until", "2024-02-07"] + common)
        #expect(grant.status == 0)
        #expect(grant.stdout.contains("recorded event 3"))
        return cli
    }

    @Test func aGrantIsHeldInsideItsTermAndNotBefore() throws {
        let cli = try seeded()
        let during = try cli.run(["state", "--at", "2021-01-01", "--format", "json"])
        #expect(during.status == 0)
        #expect(during.stdout.contains(#""label":{"call":"carnot-4","from":"2020-02-07","kind":"carnot","probation":false,"until":"2024-02-07"}"#))
        let before = try cli.run(["state", "--at", "2019-12-31", "--format", "json"])
        #expect(before.status == 0)
        #expect(!before.stdout.contains("\"mers\""))
        let table = try cli.run(["state", "--at", "2021-01-01"])
        #expect(table.stdout.contains("mers"))
        #expect(table.stdout.contains("2020-02-07 to 2024-02-07"))
    }

    @Test func anInvalidDecisionExitsWith64AndWritesNothing() throws {
        let cli = try seeded()
        let before = cli.storeBytes()
        let result = try cli.run(["renew", "nobody", "--call", "carnot-4", "--from", "2024-01-01", "--until", "2028-01-01",
                                  "--effective", "2024", "--source", "x"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("payload.institute"))
        #expect(result.stderr.contains("not a registered institute"))
        #expect(cli.storeBytes() == before)
        #expect(try cli.run(["head"]).stdout.hasPrefix("3:"))
    }

    @Test func aStaleExpectedHeadExitsWith65() throws {
        let cli = try seeded()
        let result = try cli.run(["register-person", "alain-duprey", "--name", "Alain Duprey", "--effective", "2006-12",
                                  "--source", "inria.fr", "--expect-head", "2"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("conflict"))
        let retry = try cli.run(["register-person", "alain-duprey", "--name", "Alain Duprey", "--effective", "2006-12",
                                 "--source", "inria.fr", "--expect-head", "3"])
        #expect(retry.status == 0)
    }

    @Test func aDecisionFileIsRecordedWholeAndAMalformedOneIsRefused() throws {
        let cli = try seeded()
        let decision = try cli.write("decision.json", """
        {"events": [
          {"type": "consortium.formed", "effective": "2013", "source": "instituts-carnot.eu/en/node/445",
           "payload": {"consortium": "global-care", "name": "GLOBAL CARE Initiative"}},
          {"type": "consortium.joined", "effective": "2020-03", "source": "instituts-carnot.eu/en/node/445",
           "payload": {"consortium": "global-care", "institute": "mers", "role": "member"}}
        ]}
        """)
        let recorded = try cli.run(["record", "--file", decision])
        #expect(recorded.status == 0)
        #expect(recorded.stdout.contains("events 4-5"))
        let bad = try cli.write("bad.json", #"{"events": [{"type": "label.granted", "effective": "2019-02-30", "source": "x", "payload": {}}]}"#)
        let refused = try cli.run(["record", "--file", bad])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("events[0].effective"))
        #expect(try cli.run(["head"]).stdout.hasPrefix("5:"))
    }

    @Test func historyListsEveryEventOfAnEntityWithItsSource() throws {
        let cli = try seeded()
        let history = try cli.run(["history", "mers"])
        #expect(history.status == 0)
        #expect(history.stdout.contains("institute mers registered"))
        #expect(history.stdout.contains("carnot label granted to mers in carnot-4"))
        #expect(history.stdout.contains("MESRI press release, 7 Feb 2020"))
    }

    @Test func aRetractedEventDisappearsFromStateButStaysInTheLog() throws {
        let cli = try seeded()
        #expect(try cli.run(["retract", "3", "--reason", "entered in error", "--effective", "2026", "--source", "audit"]).status == 0)
        let now = try cli.run(["state", "--at", "2021-01-01", "--format", "json"])
        #expect(now.stdout.contains(#""id":"mers","label":null"#))
        let then = try cli.run(["state", "--at", "2021-01-01", "--upto", "3", "--format", "json"])
        #expect(then.stdout.contains(#""kind":"carnot""#))
        #expect(try cli.run(["log"]).stdout.contains("event 3 retracted"))
    }

    @Test func readOnlyRefusesWritesButAnswersQueries() throws {
        let cli = try seeded()
        let write = try cli.run(["register-person", "x", "--name", "X", "--effective", "2020", "--source", "s", "--read-only"])
        #expect(write.status == 64)
        #expect(write.stderr.contains("read-only"))
        #expect(try cli.run(["state", "--at", "2021", "--read-only"]).status == 0)
        #expect(try cli.run(["verify", "--read-only"]).status == 0)
    }

    @Test func helpTeachesTheExitCodes() throws {
        let help = try CLI().run(["--help"], withDB: false)
        #expect(help.status == 0)
        #expect(help.stdout.contains("65 conflict"))
        #expect(help.stdout.contains("state"))
    }
}
