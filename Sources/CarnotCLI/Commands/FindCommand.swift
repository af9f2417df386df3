import ArgumentParser
import CarnotRegistry

struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find institutes, schools, people, consortia and calls by id, name or former name.",
        discussion: """
        The search ignores case, accents and punctuation, and matches part of a word: "telecom" finds \
        "Télécom & Société Numérique", "mines" finds "Carnot M.I.N.E.S". Exits 1 when nothing matches, like grep.

        Examples:
          carnot find mers
          carnot find "télécom"
          carnot find ingenierie --format csv
        """)

    @Argument(help: "Part of an id, a name or a former name.", completion: .custom(IDCompletion.complete))
    var text: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.store.openForReading()
        let found = try EntityDirectory(store: store).matching(text)
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(.array(found.map { entry in
                .object(["id": .string(entry.id.rawValue), "kind": .string(entry.kind.rawValue), "name": .string(entry.name),
                         "otherNames": .array(entry.otherNames.map { .string($0) })])
            })))
        case .table, .csv, .tsv:
            var table = TextTable("ID", "KIND", "NAME", "OTHER NAMES")
            for entry in found {
                table.add(entry.id.rawValue, entry.kind.rawValue, entry.name, entry.otherNames.isEmpty ? "-" : entry.otherNames.joined(separator: "; "))
            }
            if !found.isEmpty { output.print(table) }
        }
        if found.isEmpty {
            throw CommandFailure(message: "nothing matches '\(text)'; `carnot list institutes` lists every institute", code: 1)
        }
    }
}
