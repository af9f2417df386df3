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

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
