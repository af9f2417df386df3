import ArgumentParser

/// How results are printed: a table for people, JSON for programs.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    @Option(name: .long, help: "Output format: table (for reading) or json (canonical, for programs).")
    var format: Format = .table
}
