import ArgumentParser
import CarnotRegistry

/// The one explicit way, besides a write, to bring a store written by an older build to this build's layout:
/// reading commands never write, so they ask for it.
struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Bring a store written by an older carnot to this build's file layout (the log itself is never rewritten).",
        discussion: "Example:\n  carnot upgrade --db .carnot/registry.sqlite")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try self.store.openForUpgrade()
        let head = try CommandFailure.guarding { () throws(StoreError) in try store.head() }
        if let older = store.upgradedFromLayout {
            Console.out("upgraded the store \(self.store.db) from layout \(older) to \(EventStore.layoutVersion); the log is unchanged; head \(head)")
        } else {
            Console.out("the store \(self.store.db) is already at this build's layout (\(EventStore.layoutVersion)): nothing to upgrade; head \(head)")
        }
    }
}
