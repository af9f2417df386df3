import ArgumentParser

/// How results are printed: a table for people, JSON for programs, CSV or TSV for spreadsheets.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
        case csv
        case tsv
    }

    @Option(name: .long, help: "Output format: table (for reading), json (canonical, for programs), csv or tsv (listings).")
    var format: Format = .table

    @Flag(name: .long, help: "Print tables whole, however wide (by default they fit COLUMNS or the terminal).")
    var wide = false

    mutating func validate() throws {
        if wide { TableStyle.current.width = nil }
    }

    /// Prints a listing in the chosen format; `json` is the caller's.
    func print(_ table: TextTable) {
        switch format {
        case .csv: Console.write(table.csv)
        case .tsv: Console.write(table.tsv)
        case .table, .json: Console.out(table.rendered)
        }
    }

    /// Refuses csv and tsv for a command whose answer is not a listing.
    func requireTableOrJSON(_ command: String) throws {
        if format == .csv || format == .tsv {
            throw CommandFailure(message: "--format \(format.rawValue): `carnot \(command)` prints no listing; use --format table or json", code: 64)
        }
    }
}
