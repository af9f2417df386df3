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
        show(done) { "\(done)/\(total) events" }
    }

    /// Shows `done` events read from a log of which `bytes` of `totalBytes` are read: a stream does not know
    /// how many events it holds until its end.
    func update(_ done: Int64, bytes: Int64, of totalBytes: Int64) {
        show(done) { "\(done) events (\(totalBytes > 0 ? min(100, bytes * 100 / totalBytes) : 100)% of the log read)" }
    }

    private func show(_ done: Int64, _ text: () -> String) {
        guard enabled, done != shown, DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds >= Self.delay else { return }
        shown = done
        Console.errorInPlace("\(label): \(text())")
    }

    /// Ends the progress line, if one was printed, before the command prints its result; idempotent.
    func finish() {
        if shown >= 0 { Console.errorInPlace(nil) }
        shown = -1
    }
}
