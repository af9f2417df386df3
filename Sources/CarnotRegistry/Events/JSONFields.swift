/// Reads the members of one JSON object for the event model, turning every problem into an
/// `EventFormatError` that names the field and the rule, and refusing members nobody asked for.
struct JSONFields {
    private let members: [String: JSONValue]
    private var read: Set<String> = []

    /// Text fields longer than this are refused: no name, source or note of the registry comes close, and
    /// a bound keeps hostile input from bloating the log.
    static let maximumTextLength = 2_000

    init(_ value: JSONValue, field: String = "") throws(EventFormatError) {
        guard case .object(let members) = value else {
            throw EventFormatError(field: field, value: value.typeName,
                                   rule: "must be a JSON object")
        }
        self.members = members
    }

    var isEmpty: Bool { members.isEmpty }

    func has(_ key: String) -> Bool { members[key] != nil && members[key] != .null }

    mutating func raw(_ key: String) -> JSONValue? {
        read.insert(key)
        guard let value = members[key], value != .null else { return nil }
        return value
    }

    mutating func required(_ key: String) throws(EventFormatError) -> JSONValue {
        guard let value = raw(key) else { throw EventFormatError(field: key, rule: "is required") }
        return value
    }

    mutating func string(_ key: String, maximum: Int = maximumTextLength) throws(EventFormatError) -> String {
        try Self.text(try required(key), field: key, maximum: maximum)
    }

    mutating func optionalString(_ key: String, maximum: Int = maximumTextLength) throws(EventFormatError) -> String? {
        guard let value = raw(key) else { return nil }
        return try Self.text(value, field: key, maximum: maximum)
    }

    mutating func integer(_ key: String) throws(EventFormatError) -> Int64 {
        let value = try required(key)
        guard case .integer(let number) = value else {
            throw EventFormatError(field: key, value: value.typeName, rule: "must be a whole number")
        }
        return number
    }

    mutating func optionalCount(_ key: String) throws(EventFormatError) -> Int? {
        guard let value = raw(key) else { return nil }
        guard case .integer(let number) = value, (0...100_000).contains(number) else {
            throw EventFormatError(field: key, value: CanonicalJSON.string(value),
                                   rule: "must be a whole number from 0 to 100000")
        }
        return Int(number)
    }

    mutating func bool(_ key: String, default fallback: Bool) throws(EventFormatError) -> Bool {
        guard let value = raw(key) else { return fallback }
        guard case .bool(let flag) = value else {
            throw EventFormatError(field: key, value: value.typeName, rule: "must be true or false")
        }
        return flag
    }

    mutating func id(_ key: String) throws(EventFormatError) -> EntityID {
        try Self.entityID(try required(key), field: key)
    }

    mutating func optionalID(_ key: String) throws(EventFormatError) -> EntityID? {
        guard let value = raw(key) else { return nil }
        return try Self.entityID(value, field: key)
    }

    mutating func ids(_ key: String) throws(EventFormatError) -> [EntityID] {
        let value = try required(key)
        guard case .array(let elements) = value else {
            throw EventFormatError(field: key, value: value.typeName, rule: "must be an array of ids")
        }
        var result: [EntityID] = []
        for (index, element) in elements.enumerated() {
            result.append(try Self.entityID(element, field: "\(key)[\(index)]"))
        }
        return result
    }

    mutating func strings(_ key: String) throws(EventFormatError) -> [String] {
        guard let value = raw(key) else { return [] }
        guard case .array(let elements) = value else {
            throw EventFormatError(field: key, value: value.typeName, rule: "must be an array of strings")
        }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            result.append(try Self.text(element, field: "\(key)[\(index)]", maximum: 300))
        }
        return result
    }

    mutating func date(_ key: String) throws(EventFormatError) -> PartialDate {
        try Self.partialDate(try required(key), field: key)
    }

    /// A day written in full (`YYYY-MM-DD`): term bounds and closing days are days, not months or years.
    mutating func day(_ key: String) throws(EventFormatError) -> Day {
        try Self.fullDay(try Self.partialDate(try required(key), field: key), field: key)
    }

    mutating func optionalDay(_ key: String) throws(EventFormatError) -> Day? {
        guard let value = raw(key) else { return nil }
        return try Self.fullDay(try Self.partialDate(value, field: key), field: key)
    }

    /// Refuses a date known only to the month or the year where a day is meant: stored silently as the
    /// first of the month, it would claim a precision the source does not give.
    static func fullDay(_ date: PartialDate, field: String) throws(EventFormatError) -> Day {
        try date.fullDay(field: field)
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(EventFormatError) -> T
    where T.RawValue == String {
        let value = try required(key)
        return try Self.choice(value, field: key, T.self)
    }

    mutating func optionalChoice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(EventFormatError) -> T?
    where T.RawValue == String {
        guard let value = raw(key) else { return nil }
        return try Self.choice(value, field: key, T.self)
    }

    /// Refuses members that were never read: a misspelt field must not be silently dropped.
    func rejectUnknown() throws(EventFormatError) {
        // Sorted only when some member is unknown, so that the error names the first one.
        guard members.keys.contains(where: { !read.contains($0) }) else { return }
        if let unknown = members.keys.sorted().first(where: { !read.contains($0) }) {
            throw EventFormatError(field: unknown, rule: "unknown field; allowed here: \(read.sorted().joined(separator: ", "))")
        }
    }

    static func text(_ value: JSONValue, field: String, maximum: Int) throws(EventFormatError) -> String {
        guard case .string(let text) = value else {
            throw EventFormatError(field: field, value: value.typeName, rule: "must be a string")
        }
        // Shortcuts that decide most texts from their bytes (every event appended is read back here): a
        // first byte that is printable ASCII other than a space starts a character that is not whitespace;
        // no text has more characters than UTF-8 bytes; printable ASCII holds no control character.
        let first = text.utf8.first ?? 0
        guard (0x21...0x7E).contains(first) || !text.allSatisfy(\.isWhitespace) else {
            throw EventFormatError(field: field, value: text, rule: "must not be empty")
        }
        guard text.utf8.count <= maximum || text.count <= maximum else {
            throw EventFormatError(field: field, value: text, rule: "must be at most \(maximum) characters")
        }
        guard text.utf8.allSatisfy({ (0x20...0x7E).contains($0) })
            || !text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            throw EventFormatError(field: field, value: text, rule: "must not contain control characters")
        }
        return text
    }

    static func entityID(_ value: JSONValue, field: String) throws(EventFormatError) -> EntityID {
        guard case .string(let text) = value else {
            throw EventFormatError(field: field, value: value.typeName, rule: "must be a string id")
        }
        guard let id = EntityID(text) else { throw EventFormatError(field: field, value: text, rule: EntityID.rule) }
        return id
    }

    static func partialDate(_ value: JSONValue, field: String) throws(EventFormatError) -> PartialDate {
        guard case .string(let text) = value else {
            throw EventFormatError(field: field, value: value.typeName, rule: "must be a date string YYYY[-MM[-DD]]")
        }
        do {
            return try PartialDate(parsing: text)
        } catch {
            throw EventFormatError(field: field, value: text, rule: error.description)
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ value: JSONValue, field: String, _: T.Type) throws(EventFormatError) -> T
    where T.RawValue == String {
        guard case .string(let text) = value, let choice = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw EventFormatError(field: field, value: CanonicalJSON.string(value), rule: "must be one of: \(allowed)")
        }
        return choice
    }
}
