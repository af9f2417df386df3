import Foundation

extension EventStore {
    /// Says on stderr that an answer was computed the long way round (damaged derived data skipped). The
    /// answer itself is unaffected, so this is not an error.
    func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
