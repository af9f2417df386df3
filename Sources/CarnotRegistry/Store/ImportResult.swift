/// What an import did.
public struct ImportResult: Equatable, Sendable {
    /// Events read from the files.
    public let read: Int
    /// Events already in the store, identical, and skipped.
    public let alreadyPresent: Int
    /// Events appended.
    public let appended: Int
    /// The head after the import.
    public let head: LogHead
}
