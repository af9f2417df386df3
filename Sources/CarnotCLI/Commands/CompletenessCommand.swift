import ArgumentParser
import CarnotRegistry

struct CompletenessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completeness",
        abstract: "For each call, the published counts beside the institutes the registry names.",
        discussion: "Examples:\n  carnot completeness\n  carnot completeness --format csv")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.store.openForReading()
        let rows = Completeness.rows(try CommandFailure.guarding { () throws(StoreError) in try store.currentState() })
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(.array(rows.map { row in
                let ids = { (list: [EntityID]) in JSONValue.array(list.map { .string($0.rawValue) }) }
                var published: JSONValue = .null
                if let counts = row.published, case .object(var fields) = Event.callResultsAnnounced(call: row.call, counts: counts).payloadJSON {
                    fields["call"] = nil
                    published = .object(fields)
                }
                return .object([
                    "call": .string(row.call.rawValue), "name": .string(row.name),
                    "announced": row.announced.map { .string($0.description) } ?? .null, "published": published,
                    "named": .object(["labelled": ids(row.namedLabelled), "renewed": ids(row.namedRenewed),
                                      "tremplins": ids(row.namedTremplins), "probation": ids(row.namedProbation),
                                      "notRenewed": ids(row.namedNotRenewed)]),
                ])
            })))
        case .table, .csv, .tsv:
            // Each count as PUBLISHED/NAMED ("34/10": 34 published, 10 named in the registry; "?" not published),
            // so that the table is readable in 80 columns.
            var table = TextTable("CALL", "NAME", "RESULTS", "LABELLED", "RENEWED", "NOT RENEWED", "TREMPLINS", "PROBATION")
            for row in rows {
                let counts = row.published
                func cell(_ published: Int?, _ named: [EntityID]) -> String {
                    "\(published.map(String.init) ?? "?") published, \(named.count) named"
                        + (published.map { $0 > named.count ? ", \($0 - named.count) not known" : "" } ?? "")
                }
                table.add(row.call.rawValue, row.name, row.announced?.description ?? "not published",
                          cell(counts?.labelled, row.namedLabelled), cell(counts?.renewed, row.namedRenewed),
                          cell(counts?.notRenewed, row.namedNotRenewed), cell(counts?.tremplins, row.namedTremplins),
                          cell(counts?.probation, row.namedProbation))
            }
            if output.format == .table { Console.out("Counts are PUBLISHED/NAMED: published in the call's results / named by the registry.") }
            output.print(table)
            for row in rows where output.format == .table {
                if let labelled = row.published?.labelled {
                    Console.out("\(row.name), \(row.announced.map { String($0.day.year) } ?? "?"): \(labelled) labelled, \(row.namedLabelled.count) named, \(max(0, labelled - row.namedLabelled.count)) not known")
                }
            }
        }
    }
}
