/// Why a decision was refused before anything was written: which event of the decision, which field, the
/// value found, and the rule it breaks, with what to do about it.
public struct ValidationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The event's index in its decision.
    public var index: Int?
    public var field: String
    public var value: String?
    public var rule: String

    public init(index: Int? = nil, field: String, value: String? = nil, rule: String) {
        self.index = index
        self.field = field
        self.value = value
        self.rule = rule
    }

    public var description: String {
        let path = index.map { "events[\($0)].\(field)" } ?? field
        let shown = value.map { " \(EventFormatError.abbreviate($0))" } ?? ""
        return "\(path)\(shown): \(rule)"
    }
}
