import Foundation

/// How wide a table may be: the terminal's width, or unlimited (`--wide`, or output that is not a terminal).
///
/// A process runs one command, and tables are rendered deep inside helpers shared by several commands, so
/// the style is set once, when the command's `OutputOptions` are parsed, rather than passed down.
struct TableStyle: Sendable {
    /// The widest line a table may print; nil prints every cell whole.
    var width: Int?

    nonisolated(unsafe) static var current = TableStyle(width: Terminal.columns)

    /// Prose (a header, a legend) wrapped at word boundaries to fit `width`; whole lines when unlimited.
    func wrapped(_ text: String) -> String {
        guard let width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var lines: [String] = [], current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                if !current.isEmpty, current.count + 1 + word.count > width {
                    lines.append(current)
                    current = "  " + word
                } else {
                    current += (current.isEmpty ? "" : " ") + word
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// The terminal the command writes to.
enum Terminal {
    /// The width to fit: `COLUMNS` when set to a positive number, else the width of standard output when it
    /// is a terminal, else nil (a pipe or a file gets whole lines, like `gh` and `git`).
    static var columns: Int? {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// True when standard error is a terminal: progress is printed only then.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
