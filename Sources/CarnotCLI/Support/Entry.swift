import ArgumentParser
import CarnotRegistry
import Foundation

extension CarnotCommand {
    /// Parses `arguments` and runs the command, exiting with the documented codes: kept apart from
    /// `main.swift` so the program can be driven without a process.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        MemoryShortage.prepare()
        if let refusal = unknownSubcommand(arguments) {
            Console.error("error: \(refusal)")
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot(arguments)
            MemoryShortage.guardAgainstAborts(command)
            try command.run()
            Foundation.exit(0)
        } catch let failure as CommandFailure {
            if let shortage = MemoryShortage.message(for: failure.message) {
                Console.error("error: \(shortage)")
                Foundation.exit(1)
            }
            Console.error("error: \(failure.message)")
            Foundation.exit(failure.code)
        } catch {
            if let shortage = MemoryShortage.message(for: String(describing: error)) {
                Console.error("error: \(shortage)")
                Foundation.exit(1)
            }
            let code = exitCode(for: error)
            if code == .success {
                // Help, --version, completion scripts: printed with the examples whole.
                let message = fullMessage(for: error)
                if !message.isEmpty { Console.out(HelpExamples.unwrapping(message)) }
                Foundation.exit(0)
            }
            guard code != .success, let explained = explainingDates(fullMessage(for: error)) else { exit(withError: error) }
            Console.error(explained)
            Foundation.exit(code.rawValue)
        }
    }

    /// The first word, when it is meant as a subcommand and is none: the parser would otherwise complain
    /// about the options that follow it (`carnot grnat tsn --kind carnot` -> "Unknown option '--kind'").
    static func unknownSubcommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName } + ["help"]
        let known = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !known.contains(first) else { return nil }
        return "'\(first)' is not a carnot command.\(Suggestion.sentence(for: first, among: names)) See `carnot --help` for the commands"
    }

    /// The parser's message with the reason a value was refused: "The value '2020-02-30' is invalid for
    /// '--at <date>'" says which value, not why nor what to write instead.
    static func explainingDates(_ message: String) -> String? {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        let explained = lines.map { line -> String in
            guard let open = line.range(of: "The value '"),
                  let close = line.range(of: "' is invalid for '", range: open.upperBound..<line.endIndex),
                  let reason = reason(for: String(line[open.upperBound..<close.lowerBound]),
                                      label: String(line[close.upperBound...]))
            else { return line }
            changed = true
            return "\(line): \(reason)"
        }
        return changed ? explained.joined(separator: "\n") : nil
    }

    /// Why `value` is not valid for the argument `label` (as the parser prints it, e.g. "--at <date>'").
    private static func reason(for value: String, label: String) -> String? {
        if label.contains("<timestamp>") || label.contains("<when>") {
            return "write a UTC instant as tables print it (2026-11-29T21:26:44.839127Z), to the second, or a day"
        }
        if value.count >= 4, value.prefix(4).allSatisfy(\.isNumber) {
            do { _ = try PartialDate(parsing: value) } catch { return error.description }
            return nil
        }
        let entities = ["<id>", "<institute>", "<school>", "<person>", "<consortium>", "<call>", "<into>", "<representing>",
                        "<entity>", "<ids>", "<person>"]
        if entities.contains(where: label.contains), EntityID(value) == nil {
            return "an id has \(EntityID.rule); `carnot find \"\(value)\"` gives the id of a name"
        }
        return nil
    }
}
