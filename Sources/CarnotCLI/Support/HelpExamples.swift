import ArgumentParser
import Foundation

/// The examples of every command's help, kept on one line each so that they paste and run.
///
/// The argument parser wraps the whole discussion to the terminal width, which would cut an example in
/// the middle of a command; the help text is printed with each example joined back onto its line.
enum HelpExamples {
    /// Every example line (a command line, trimmed) in the discussions of `command` and its subcommands.
    static func all(in command: ParsableCommand.Type = CarnotCommand.self) -> [String] {
        let own = command.configuration.discussion.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("carnot ") || $0.hasPrefix("echo ") }
        return own + command.configuration.subcommands.flatMap { all(in: $0) }
    }

    /// `help` with every example that the wrapping split over several lines joined back onto one.
    static func unwrapping(_ help: String) -> String {
        var text = help
        for example in Set(all()) {
            let words = example.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }
            guard let pattern = try? NSRegularExpression(pattern: words.joined(separator: "[ \\n]+")) else { continue }
            text = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                    withTemplate: NSRegularExpression.escapedTemplate(for: example))
        }
        return text
    }
}
