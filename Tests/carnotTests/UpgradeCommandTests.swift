import Foundation
import Testing

/// `carnot upgrade` says what it did: a store already at this build's layout is left as it is, and the
/// answer says so (an older one is brought up to date and named with its layout: `CheckpointUpgradeTests`).
@Suite struct UpgradeCommandTests {
    @Test func aStoreAlreadyAtThisLayoutIsSaidToNeedNothing() throws {
        let cli = try BundledHistoryCLITests.imported()
        let head = try cli.run(["head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try cli.run(["upgrade"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("is already at this build's layout"), "\(result.stdout)")
        #expect(result.stdout.contains("nothing to upgrade"))
        #expect(result.stdout.contains(head), "the head is printed: \(result.stdout)")
    }

    @Test func aMissingStoreIsNotCreatedByAnUpgrade() throws {
        let cli = try CLI()
        let result = try cli.run(["upgrade"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no store at"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.db), "upgrade created \(cli.db)")
    }
}
