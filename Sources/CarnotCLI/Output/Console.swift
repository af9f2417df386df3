import Foundation

/// Writes to the standard streams: results on stdout, messages and progress on stderr.
enum Console {
    static func out(_ text: String) {
        write(text + "\n")
    }

    /// Writes `text` as it is, without a line end.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Rewrites the current stderr line with `text` (carriage return, erase to the end of the line), or ends
    /// it with a line feed when `text` is nil: a progress line that does not scroll.
    static func errorInPlace(_ text: String?) {
        FileHandle.standardError.write(Data((text.map { "\r\($0)\u{1B}[K" } ?? "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
