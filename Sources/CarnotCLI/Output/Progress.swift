import Foundation

/// How far a long command has got, on stderr: one line rewritten in place, shown once the command has run
/// for a second (quick runs print nothing), and only when stderr is a terminal, so that scripts and logs
/// capturing stderr see nothing but errors.
final class Progress {
    private let label: String
    private let enabled: Bool
    private let start = DispatchTime.now()
    private var shown: Int64 = -1

    /// How long a command runs before its progress is shown.
    static let delay: UInt64 = 1_000_000_000

    /// - Parameter label: the command, e.g. "verify".
    init(_ label: String) {
        self.label = label
        self.enabled = Terminal.stderrIsTerminal
    }

    /// Shows `done` of `total`; a count already shown is not printed again.
    func update(_ done: Int64, of total: Int64) {
        guard enabled, done != shown, DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds >= Self.delay else { return }
        shown = done
        Console.errorInPlace("\(label): \(done)/\(total) events")
    }

    /// Ends the progress line, if one was printed, before the command prints its result; idempotent.
    func finish() {
        if shown >= 0 { Console.errorInPlace(nil) }
        shown = -1
    }
}
