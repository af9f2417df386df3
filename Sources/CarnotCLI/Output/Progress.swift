/// How far a long command has got, on stderr: one line rewritten in place, and only when stderr is a
/// terminal, so that scripts and logs capturing stderr see nothing but errors.
final class Progress {
    private let label: String
    private let enabled: Bool
    private var shown: Int64 = -1

    /// - Parameters:
    ///   - label: the command, e.g. "verify".
    ///   - minimum: below this many events the command is quick and prints nothing.
    ///   - total: how many events the command goes through.
    init(_ label: String, total: Int64, minimum: Int64 = 10_000) {
        self.label = label
        self.enabled = Terminal.stderrIsTerminal && total >= minimum
    }

    /// Shows `done` of `total`; a count already shown is not printed again.
    func update(_ done: Int64, of total: Int64) {
        guard enabled, done != shown else { return }
        shown = done
        Console.errorInPlace("\(label): \(done)/\(total) events")
    }

    /// Ends the progress line, if one was printed.
    func finish() {
        if shown >= 0 { Console.errorInPlace(nil) }
    }
}
