/// Why an event or a decision in JSON was refused: the field (a dotted path such as
/// `events[2].payload.until`), the value found, and the rule it breaks.
public struct EventFormatError: Error, CustomStringConvertible, Equatable, Sendable {
    public let field: String
    public let value: String?
    public let rule: String

    public init(field: String, value: String? = nil, rule: String) {
        self.field = field
        self.value = value
        self.rule = rule
    }

    /// The same error with its field path prefixed, as errors bubble out of nested objects.
    public func within(_ prefix: String) -> EventFormatError {
        EventFormatError(field: field.isEmpty ? prefix : "\(prefix).\(field)", value: value, rule: rule)
    }

    public var description: String {
        let shown = value.map { " (found \(EventFormatError.abbreviate($0)))" } ?? ""
        return "\(field.isEmpty ? "(document)" : field)\(shown): \(rule)"
    }

    /// Long or hostile values are cut so that an error message stays one readable line.
    static func abbreviate(_ text: String) -> String {
        let printable = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        return printable.count > 60 ? "'\(printable.prefix(57))...'" : "'\(printable)'"
    }
}
