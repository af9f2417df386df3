import Foundation
import Testing

/// Every example in every `--help` pastes and runs, against a scratch copy of the bundled history.
@Suite struct HelpExamplesTests {
    /// The subcommands `carnot --help` lists.
    static func subcommands() throws -> [String] {
        let help = try Scratch().carnot(["--help"]).stdout
        guard let section = help.range(of: "SUBCOMMANDS:") else { return [] }
        let listing = help[section.upperBound...].split(separator: "\n\n").first ?? ""
        return listing.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "help" }
    }

    /// The example lines of a help text: the indented lines after "Example:" or "Examples:".
    static func examples(in help: String) -> [String] {
        var examples: [String] = [], inside = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "Example:" || line == "Examples:" { inside = true; continue }
            guard inside else { continue }
            if line.hasPrefix("  ") { examples.append(line.trimmingCharacters(in: .whitespaces)) } else { inside = false }
        }
        return examples
    }

    @Test func everyCommandHasExamplesThatRunAsPrintedAtEightyColumns() throws {
        let commands = try Self.subcommands()
        #expect(commands.count >= 40)
        #expect(commands.contains("correct") && commands.contains("find") && commands.contains("list"))
        var ran = 0
        for command in [nil] + commands.map(Optional.some) {
            let scratch = try Scratch()
            let help = try scratch.carnot((command.map { [$0] } ?? []) + ["--help"], environment: ["COLUMNS": "80"])
            #expect(help.status == 0)
            let examples = Self.examples(in: help.stdout)
            #expect(!examples.isEmpty, "carnot \(command ?? "") --help has no example")
            for example in examples {
                #expect(example.hasPrefix("carnot ") || example.contains("| carnot "), "not a command line: \(example)")
                let result = try scratch.shell(example)
                #expect(result.status == 0, "\(example)\nexit \(result.status): \(result.stderr)")
                ran += 1
            }
        }
        #expect(ran >= 50)
    }

    @Test func versionNamesThePackageAndTheStoreLayout() throws {
        let result = try Scratch().carnot(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("carnot "))
        #expect(result.stdout.contains("store layout"))
    }
}
