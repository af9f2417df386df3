import ArgumentParser
import CarnotRegistry

struct CompletenessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completeness",
        abstract: "For each call, the published counts beside the institutes the registry names.",
        discussion: "Example:\n  carnot completeness")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.store.openForReading()
        let rows = Completeness.rows(try CommandFailure.guarding { () throws(StoreError) in try store.currentState() })
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(QueryDocuments.completeness(rows)))
        case .table:
            var table = TextTable("CALL", "RESULTS", "LABELLED", "RENEWED", "NOT RENEWED", "TREMPLINS", "PROBATION")
            for row in rows {
                let counts = row.published
                func cell(_ published: Int?, _ named: [EntityID]) -> String {
                    "\(published.map(String.init) ?? "?") published, \(named.count) named"
                }
                table.add("\(row.name) (\(row.call))", row.announced?.description ?? "not published",
                          counts == nil && row.namedLabelled.isEmpty ? "-" : cell(counts?.labelled, row.namedLabelled),
                          counts?.renewed == nil && row.namedRenewed.isEmpty ? "-" : cell(counts?.renewed, row.namedRenewed),
                          counts?.notRenewed == nil && row.namedNotRenewed.isEmpty ? "-" : cell(counts?.notRenewed, row.namedNotRenewed),
                          counts?.tremplins == nil && row.namedTremplins.isEmpty ? "-" : cell(counts?.tremplins, row.namedTremplins),
                          counts?.probation == nil && row.namedProbation.isEmpty ? "-" : cell(counts?.probation, row.namedProbation))
            }
            Console.out(table.rendered)
            for row in rows {
                if let labelled = row.published?.labelled {
                    Console.out("\(row.name), \(row.announced.map { String($0.day.year) } ?? "?"): \(labelled) labelled, \(row.namedLabelled.count) named")
                }
            }
        }
    }
}
