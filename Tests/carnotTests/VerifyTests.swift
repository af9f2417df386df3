import CarnotRegistry
import Foundation
import Testing

@Suite struct VerifyTests {
    @Test func verifyPassesOnAnIntactLogAndNamesTheFirstEditedPosition() throws {
        let cli = try CLI()
        for id in ["a", "b", "c"] {
            #expect(try cli.run(["register-person", id, "--name", "Person \(id)", "--effective", "2020", "--source", "s"]).status == 0)
        }
        let ok = try cli.run(["verify"])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("3 events verifies"))

        // An attacker with write access drops the triggers and edits a stored event.
        let attacker = try SQLiteConnection(path: cli.db)
        try attacker.execute("DROP TRIGGER events_refuse_update")
        try attacker.execute("UPDATE events SET body = replace(body, 'Person b', 'Person B') WHERE seq = 2")
        let bad = try cli.run(["verify"])
        #expect(bad.status == 66)
        #expect(bad.stderr.contains("position 2"))
    }

    @Test func verifyWithAPublishedHeadDetectsTruncation() throws {
        let cli = try CLI()
        for id in ["a", "b"] {
            #expect(try cli.run(["register-person", id, "--name", "Person \(id)", "--effective", "2020", "--source", "s"]).status == 0)
        }
        let head = try cli.run(["head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.run(["verify", "--head", head]).status == 0)
        #expect(try cli.run(["verify", "--head", "1:" + String(repeating: "0", count: 64)]).status == 66)
        #expect(try cli.run(["verify", "--head", "nonsense"]).status == 64)
    }
}
