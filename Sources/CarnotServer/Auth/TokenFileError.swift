import Foundation
/// Why the token file could not be read or changed.
public struct TokenFileError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
