/// Why a text is not JSON the registry accepts, with the byte offset where reading stopped.
public struct JSONError: Error, CustomStringConvertible, Equatable, Sendable {
    public let offset: Int
    public let reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
