/// Readers of the values the event model holds, each checking what `JSONFields` checks. Each decides from the
/// raw bytes when they settle the question, and otherwise hands the decoded `String` to the `JSONFields`
/// check itself, so that both paths give the same answer by construction.
extension CanonicalScanner {
    /// Reads the string value at the current byte, or throws naming `field` and the type found.
    mutating func stringToken(_ field: String, rule: String = "must be a string") throws(EventFormatError) -> StringToken {
        guard try valueStart() == .string else { throw EventFormatError(field: field, value: try typeName(), rule: rule) }
        return try scanString()
    }

    /// Reads a whole number at the current byte, or throws naming `field` and the type found.
    mutating func integer(_ field: String) throws(EventFormatError) -> Int64 {
        guard try valueStart() == .number else {
            throw EventFormatError(field: field, value: try typeName(), rule: "must be a whole number")
        }
        return try scanInteger()
    }

    /// The text of a string the model keeps (a name, a reason), checked as `JSONFields.text` checks it.
    func text(_ token: StringToken, field: String, maximum: Int) throws(EventFormatError) -> String {
        guard isCertainlyValidText(token, maximum: maximum) else {
            return try JSONFields.text(.string(try string(token)), field: field, maximum: maximum)
        }
        return try string(token)
    }

    /// Checks a string the model does not keep (a source, a note) as `JSONFields.text` would, building no
    /// `String` unless the bytes leave the answer open.
    func checkText(_ token: StringToken, field: String, maximum: Int) throws(EventFormatError) {
        guard isCertainlyValidText(token, maximum: maximum) else {
            _ = try JSONFields.text(.string(try string(token)), field: field, maximum: maximum)
            return
        }
    }

    /// True when the raw bytes alone show that `JSONFields.text` accepts the string: no escape; no DEL or C1
    /// control (raw C0 controls never get past `scanString`); at most `maximum` bytes, so at most `maximum`
    /// characters; and a printable ASCII byte other than space, so not all whitespace (such a byte starts a
    /// character that is not whitespace, or sits inside one that starts with a prepended mark, which is not
    /// whitespace either). Anything else goes to `JSONFields.text`.
    private func isCertainlyValidText(_ token: StringToken, maximum: Int) -> Bool {
        guard !token.isEscaped, !token.hasRefusedControl, token.count <= maximum else { return false }
        var offset = 0
        while offset < token.count {
            if byte(token, offset) &- 0x21 < 0x5E { return true }
            offset += 1
        }
        return false
    }

    /// An entity id, checked by `EntityID`'s rule.
    func entityID(_ token: StringToken, field: String) throws(EventFormatError) -> EntityID {
        guard !token.isEscaped, isEntityID(token) else {
            return try JSONFields.entityID(.string(try string(token)), field: field)
        }
        return EntityID(checkedRawValue: try string(token))
    }

    /// `EntityID`'s rule on raw bytes: 1 to 64 of `a-z`, `0-9`, `-`, `.`, `_`, the first a letter or digit.
    private func isEntityID(_ token: StringToken) -> Bool {
        guard token.count >= 1, token.count <= EntityID.maximumLength else { return false }
        for offset in 0..<token.count {
            let byte = byte(token, offset)
            let alphanumeric = byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
            guard alphanumeric || (offset > 0 && (byte == 0x2D || byte == 0x2E || byte == 0x5F)) else { return false }
        }
        return true
    }

    /// Reads the date string at the current byte, or throws naming `field`.
    mutating func dateValue(_ field: String) throws(EventFormatError) -> (date: PartialDate, month: Int, day: Int) {
        // The three shapes, longest first, read in place; anything else is scanned and read the slow way.
        if let parsed = readFixedDate(10) { return parsed }
        if let parsed = readFixedDate(7) { return parsed }
        if let parsed = readFixedDate(4) { return parsed }
        return try date(try stringToken(field, rule: "must be a date string YYYY[-MM[-DD]]"), field: field)
    }

    private mutating func readFixedDate(_ length: Int) -> (date: PartialDate, month: Int, day: Int)? {
        guard let token = fixedToken(length), let parsed = plainDate(token) else { return nil }
        skip(length + 2)
        return parsed
    }

    /// Reads and checks the record time at the current byte (see `checkTimestamp`), and returns it: replay
    /// only checks it, the full decoder keeps it, and both go through this one check.
    @discardableResult
    mutating func timestampValue(_ field: String) throws(EventFormatError) -> Timestamp {
        if let token = fixedToken(27), let instant = plainTimestamp(token) {
            skip(29)
            return instant
        }
        return try checkTimestamp(try stringToken(field), field: field)
    }

    /// Reads one of a vocabulary's words at the current byte, as `JSONFields.choice` reads it.
    mutating func choiceValue<T: ByteMatchable & RawRepresentable>(_ field: String, _: T.Type) throws(EventFormatError) -> T
    where T.RawValue == String {
        if let found = readQuoted(T.self) { return found }
        return try choice(try stringToken(field), field: field, T.self)
    }

    /// A date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with its month and day of month, read as
    /// `PartialDate(parsing:)` reads it.
    func date(_ token: StringToken, field: String) throws(EventFormatError) -> (date: PartialDate, month: Int, day: Int) {
        if !token.isEscaped, let parsed = plainDate(token) { return parsed }
        let date = try JSONFields.partialDate(.string(try string(token)), field: field)
        let (_, month, day) = date.day.components
        return (date, month, day)
    }

    /// The date raw bytes in one of the three shapes stand for, nil for anything else (the slow path then
    /// says why).
    private func plainDate(_ token: StringToken) -> (date: PartialDate, month: Int, day: Int)? {
        let length = token.count
        guard length == 4 || length == 7 || length == 10,
              let year = digits(token, 0, 4), Day.acceptedYears.contains(year) else { return nil }
        var month = 1
        var dayOfMonth = 1
        if length >= 7 {
            guard byte(token, 4) == UInt8(ascii: "-"), let value = digits(token, 5, 2) else { return nil }
            month = value
        }
        if length == 10 {
            guard byte(token, 7) == UInt8(ascii: "-"), let value = digits(token, 8, 2) else { return nil }
            dayOfMonth = value
        }
        guard let day = Day(year: year, month: month, day: dayOfMonth) else { return nil }
        let precision: DatePrecision = length == 10 ? .day : length == 7 ? .month : .year
        return (PartialDate(day: day, precision: precision), month, dayOfMonth)
    }

    /// The number `width` ASCII digits at `offset` of a token write, nil when one is not a digit.
    @inline(__always)
    private func digits(_ token: StringToken, _ offset: Int, _ width: Int) -> Int? {
        var value = 0
        for position in offset..<(offset + width) {
            let digit = byte(token, position) &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// Checks a record time as `EventSchema.decodeRecorded` does: a UTC timestamp of exactly 27 characters,
    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    @discardableResult
    func checkTimestamp(_ token: StringToken, field: String) throws(EventFormatError) -> Timestamp {
        if !token.isEscaped, let instant = plainTimestamp(token) { return instant }
        let text = try JSONFields.text(.string(try string(token)), field: field, maximum: 40)
        guard let instant = Timestamp(parsing: text), text.count == 27 else {
            throw EventFormatError(field: field, value: text, rule: "must be a UTC timestamp YYYY-MM-DDTHH:MM:SS.ffffffZ")
        }
        return instant
    }

    /// The instant 27 bytes `Timestamp(parsing:)` accepts stand for, nil for anything else. A 27-character
    /// text it accepts is necessarily 27 ASCII bytes in this shape, so nothing it accepts is missed here,
    /// and the instant is computed as it computes it.
    private func plainTimestamp(_ token: StringToken) -> Timestamp? {
        guard token.count == 27, byte(token, 4) == UInt8(ascii: "-"), byte(token, 7) == UInt8(ascii: "-"),
              let year = digits(token, 0, 4), let month = digits(token, 5, 2), let day = digits(token, 8, 2),
              let date = Day(year: year, month: month, day: day),
              byte(token, 10) == UInt8(ascii: "T"), byte(token, 13) == UInt8(ascii: ":"),
              byte(token, 16) == UInt8(ascii: ":"), byte(token, 19) == UInt8(ascii: "."),
              byte(token, 26) == UInt8(ascii: "Z"),
              let hour = digits(token, 11, 2), hour <= 23, let minute = digits(token, 14, 2), minute <= 59,
              let second = digits(token, 17, 2), second <= 59, let fraction = digits(token, 20, 6)
        else { return nil }
        return Timestamp(microseconds: Int64(date.ordinal) * 86_400_000_000
            + Int64(hour * 3600 + minute * 60 + second) * 1_000_000 + Int64(fraction))
    }

    /// A hash of the chain (`prev`, `hash`), checked as `EventSchema.decodeRecorded` checks it: a text of at
    /// most 64 characters that is 64 lower-case hex digits.
    func digest(_ token: StringToken, field: String) throws(EventFormatError) -> String {
        if !token.isEscaped, token.count == 64, isLowerHex(token) { return try string(token) }
        let text = try JSONFields.text(.string(try string(token)), field: field, maximum: 64)
        guard EventSchema.isHexDigest(text) else {
            throw EventFormatError(field: field, value: text, rule: "must be 64 lower-case hex digits")
        }
        return text
    }

    private func isLowerHex(_ token: StringToken) -> Bool {
        for offset in 0..<token.count {
            let byte = byte(token, offset)
            guard byte &- UInt8(ascii: "0") < 10 || byte &- UInt8(ascii: "a") < 6 else { return false }
        }
        return true
    }

    /// One of a vocabulary's words (a precision, an office, a label kind), as `JSONFields.choice` reads it.
    func choice<T: ByteMatchable & RawRepresentable>(_ token: StringToken, field: String, _: T.Type) throws(EventFormatError) -> T
    where T.RawValue == String {
        if let found = try lookup(token, T.self) { return found }
        return try JSONFields.choice(.string(try string(token)), field: field, T.self)
    }
}

extension EntityID {
    /// An id whose text `CanonicalScanner` has already checked against `EntityID.rule`, byte for byte.
    fileprivate init(checkedRawValue: String) {
        self.rawValue = checkedRawValue
    }
}
