import ArgumentParser
import CarnotRegistry
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the institutes, schools, people, consortia or calls, with their ids.",
        discussion: """
        Without --at, the list is of everything the log names, and labels are those held today.

        Examples:
          carnot list institutes --at 2020-02-07
          carnot list people
          carnot list calls --format csv
        """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case institutes, schools, people, consortia, calls
    }

    @Argument(help: "institutes, schools, people, consortia or calls.") var kind: Kind
    @Option(help: ArgumentHelp("The day: YYYY, YYYY-MM or YYYY-MM-DD (default: what the log names, as of today).", valueName: "date"))
    var at: PartialDate?
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.store.openForReading()
        let day = at?.day ?? Timestamp(microseconds: Int64(Date().timeIntervalSince1970 * 1_000_000)).day
        let state = try CommandFailure.guarding { () throws(StoreError) in
            at == nil && knownAt.cutoff == .everything ? try store.currentState() : try store.state(at: day, knownAt: knownAt.cutoff)
        }
        let table = Self.table(of: kind, in: state, on: day)
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(.array(table.rows.map { row in
                .object(Dictionary(uniqueKeysWithValues: zip(table.headers.map(Self.key), row.map { JSONValue.string($0) })))
            })))
        case .table, .csv, .tsv:
            output.print(table)
        }
    }

    /// A header as a JSON member name: "OTHER NAMES" -> "otherNames".
    static func key(_ header: String) -> String {
        let words = header.lowercased().split(separator: " ")
        return words.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
    }

    static func table(of kind: Kind, in state: RegistryState, on day: Day) -> TextTable {
        switch kind {
        case .institutes:
            var table = TextTable("ID", "NAME", "LABEL", "REGISTERED")
            for record in state.institutes.values.sorted(by: { $0.id < $1.id }) {
                let term = record.label(on: day)
                table.add(record.id.rawValue, record.name, term.map { "\($0.kind.rawValue) (\($0.call))" } ?? "-", record.registered.description)
            }
            return table
        case .schools:
            var table = TextTable("ID", "NAME", "PARENT", "INSTITUTES")
            for record in state.schools.values.filter(\.isActive).sorted(by: { $0.id < $1.id }) {
                table.add(record.id.rawValue, record.name, record.parent ?? "-",
                          record.affiliations.keys.sorted().map(\.rawValue).joined(separator: ", "))
            }
            return table
        case .people:
            var table = TextTable("ID", "NAME", "OTHER NAMES")
            for record in state.people.values.sorted(by: { $0.id < $1.id }) {
                table.add(record.id.rawValue, record.name, record.alsoKnownAs.isEmpty ? "-" : record.alsoKnownAs.joined(separator: "; "))
            }
            return table
        case .consortia:
            var table = TextTable("ID", "NAME", "FORMED", "MEMBERS")
            for record in state.consortia.values.sorted(by: { $0.id < $1.id }) {
                table.add(record.id.rawValue, record.name, record.formed.description, record.members.keys.sorted().map(\.rawValue).joined(separator: ", "))
            }
            return table
        case .calls:
            var table = TextTable("ID", "NAME", "OPENED", "RESULTS")
            for record in state.calls.values.sorted(by: { $0.id < $1.id }) {
                table.add(record.id.rawValue, record.name, record.opened.description, record.announced?.description ?? "-")
            }
            return table
        }
    }
}
