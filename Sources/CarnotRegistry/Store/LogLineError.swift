/// Why an import stopped: the file, the line, the field and the reason. Nothing was written.
public struct LogLineError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable {
        /// Not JSON, or not an event of the schema.
        case malformed
        /// A broken chain or a hash that does not match: the log was altered.
        case integrity
        /// A well-formed event that breaks a rule of the registry.
        case invalid
    }

    public let file: String
    public let line: Int
    public let kind: Kind
    public let message: String

    public init(file: String, line: Int, kind: Kind, message: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
