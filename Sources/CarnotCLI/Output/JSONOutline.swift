import CarnotRegistry

/// A JSON document written as an indented outline, for table output of a single entity.
enum JSONOutline {
    static func render(_ value: JSONValue, indent: String = "") -> String {
        switch value {
        case .object(let fields):
            return fields.keys.sorted().map { key in
                let child = fields[key]!
                switch child {
                case .object, .array: return "\(indent)\(key):\n" + render(child, indent: indent + "  ")
                default: return "\(indent)\(key): \(scalar(child))"
                }
            }.joined(separator: "\n")
        case .array(let elements):
            if elements.isEmpty { return "\(indent)(none)" }
            return elements.map { element in
                switch element {
                case .object(let fields) where fields.keys.count <= 3 && fields.values.allSatisfy({ if case .object = $0 { return false }; if case .array = $0 { return false }; return true }):
                    return "\(indent)- " + fields.keys.sorted().map { "\($0): \(scalar(fields[$0]!))" }.joined(separator: ", ")
                case .object, .array: return "\(indent)-\n" + render(element, indent: indent + "  ")
                default: return "\(indent)- \(scalar(element))"
                }
            }.joined(separator: "\n")
        default:
            return indent + scalar(value)
        }
    }

    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .null: "-"
        default: CanonicalJSON.string(value)
        }
    }
}
