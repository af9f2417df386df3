/// A JSON document as the registry reads and writes it.
///
/// Numbers are whole numbers only: every number the event model holds (positions, counts, versions) is one,
/// and refusing fractions keeps the canonical form free of floating-point formatting questions.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// A short name for the value's type, used in error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
