/// The identifier of an institute, school, person, call or consortium: `tsn`, `imt-atlantique`, `carnot-2`.
///
/// Lower-case ASCII letters, digits and `-`, `.`, `_`, starting with a letter or digit, at most 64
/// characters: readable in a command line, safe in every output, and never mistaken for SQL or markup.
public struct EntityID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public static let maximumLength = 64

    /// The identifier `text`, or nil when it breaks the rule in `EntityID.rule`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard (1...Self.maximumLength).contains(bytes.count), Self.isAlphanumeric(bytes[0]),
              bytes.allSatisfy({ Self.isAlphanumeric($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F })
        else { return nil }
        self.rawValue = text
    }

    /// The rule, as error messages state it.
    public static let rule = "1-64 characters: lower-case letters, digits, '-', '.' or '_', starting with a letter or digit"

    public var description: String { rawValue }

    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }
}
