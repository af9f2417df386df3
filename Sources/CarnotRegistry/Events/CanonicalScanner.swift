/// A forward reader over the UTF-8 bytes of one JSON document, for decoders that go from bytes straight to
/// values without building a `JSONValue` tree.
///
/// It accepts exactly the syntax `JSONParser` accepts (whitespace between tokens, whole numbers only, valid
/// UTF-8, no raw control characters in strings) and checks it as it goes, but leaves the shape of the
/// document to its caller: strings come back as `StringToken`s, which say where they lie in the buffer and
/// what they hold, so that a key can be compared byte for byte and a string skipped without building a
/// `String`. Strings holding escapes (which canonical JSON writes only for `"`, `\` and control characters)
/// are decoded by `JSONParser` itself, so they read exactly as the slow path reads them.
///
/// Every read is bounded by `count`: hostile bytes make it throw, never read past the buffer.
struct CanonicalScanner {
    private let base: UnsafePointer<UInt8>
    let count: Int
    private(set) var index = 0

    /// A scanner over `count` bytes at `base`, which must stay valid while the scanner is used.
    ///
    /// `index` never exceeds `count`, so the scanner steps it with wrapping arithmetic: adding a few bytes to
    /// it cannot overflow, and the overflow checks cost on every byte.
    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// Where a string lies in the buffer (between its quotes) and what its raw bytes hold.
    struct StringToken {
        /// The first byte after the opening quote.
        let start: Int
        /// The closing quote.
        let end: Int
        /// True when the string holds a backslash escape, so its bytes are not its text.
        let isEscaped: Bool
        /// True when the bytes hold DEL or a C1 control character, which `JSONFields.text` refuses.
        var hasRefusedControl = false

        var count: Int { end - start }
    }

    /// What a value starts with, read from its first byte.
    enum ValueStart {
        case string, number, bool, null, object, array
    }

    // MARK: Errors

    /// A syntax error at the current byte, in the words `JSONError` uses.
    func syntax(_ reason: String) -> EventFormatError {
        syntax(reason, at: index)
    }

    func syntax(_ reason: String, at offset: Int) -> EventFormatError {
        EventFormatError(field: "", rule: JSONError(offset: offset, reason: reason).description)
    }

    // MARK: Structure

    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index &+= 1
            default: return
            }
        }
    }

    /// Consumes `byte` when it is next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < count, base[index] == byte else { return false }
        index &+= 1
        return true
    }

    /// True when only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return index == count
    }

    /// The kind of the value that starts at the current byte.
    /// - Throws: when input ends or the byte cannot start a JSON value.
    func valueStart() throws(EventFormatError) -> ValueStart {
        guard index < count else { throw syntax("unexpected end of input, expected a value") }
        switch base[index] {
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw syntax("unexpected character, expected a value")
        }
    }

    /// Consumes `null` when it is the next value.
    mutating func consumeNull() throws(EventFormatError) -> Bool {
        guard index < count, base[index] == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    /// Consumes `{`, or throws naming `field` as not an object.
    mutating func openObject(_ field: String) throws(EventFormatError) {
        guard consume(UInt8(ascii: "{")) else {
            throw EventFormatError(field: field, value: try typeName(), rule: "must be a JSON object")
        }
    }

    /// A key read by `nextMember`: one of the names the caller expects, or any other string.
    enum Member<Key> {
        case known(Key)
        case other(StringToken)
    }

    /// Reads the next key of an object whose `{` was consumed, and the `:` after it; nil at the closing `}`.
    ///
    /// A key that is exactly one of `Key`'s names is recognised in place, `expected` first (canonical objects
    /// list their members in one order), without scanning it; any other key is scanned and returned as a
    /// token for the caller to look up (escapes, unusual spellings) or refuse.
    /// - Parameter first: true before the first member; set to false here.
    mutating func nextMember<Key: ByteMatchable>(_ first: inout Bool, expecting expected: Key?)
        throws(EventFormatError) -> Member<Key>? {
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return nil }
        if first {
            first = false
        } else {
            guard consume(UInt8(ascii: ",")) else { throw syntax("expected ',' or '}' in an object") }
            skipWhitespace()
        }
        guard index < count, base[index] == UInt8(ascii: "\"") else { throw syntax("expected a quoted key") }
        let member: Member<Key>
        if let expected, isQuoted(expected.literal) {
            skip(expected.literal.utf8CodeUnitCount + 2)
            member = .known(expected)
        } else if let found = readQuoted(Key.self) {
            member = .known(found)
        } else {
            member = .other(try scanString())
        }
        skipWhitespace()
        guard consume(UInt8(ascii: ":")) else { throw syntax("expected ':' after a key") }
        skipWhitespace()
        return member
    }

    /// Moves to the next element of an array whose `[` was consumed: false at the closing `]`.
    mutating func nextElement(_ first: inout Bool) throws(EventFormatError) -> Bool {
        skipWhitespace()
        if first {
            first = false
            return !consume(UInt8(ascii: "]"))
        }
        if consume(UInt8(ascii: "]")) { return false }
        guard consume(UInt8(ascii: ",")) else { throw syntax("expected ',' or ']' in an array") }
        skipWhitespace()
        return true
    }

    /// The JSON type of the next value, for error messages, without consuming it.
    func typeName() throws(EventFormatError) -> String {
        switch try valueStart() {
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        case .object: "object"
        case .array: "array"
        }
    }

    // MARK: Scalars

    mutating func expectLiteral(_ literal: StaticString) throws(EventFormatError) {
        let length = literal.utf8CodeUnitCount
        guard count - index >= length else { throw syntax("unexpected end of input") }
        let expected = literal.utf8Start
        for offset in 0..<length where base[index + offset] != expected[offset] {
            throw syntax("unknown literal, expected \(literal)")
        }
        index &+= length
    }

    /// Reads `true` or `false`.
    mutating func scanBool() throws(EventFormatError) -> Bool {
        if base[index] == UInt8(ascii: "t") {
            try expectLiteral("true")
            return true
        }
        try expectLiteral("false")
        return false
    }

    /// Reads a whole number as `JSONParser` does: no leading zeros, no fraction or exponent, within Int64.
    mutating func scanInteger() throws(EventFormatError) -> Int64 {
        let start = index
        let negative = base[index] == UInt8(ascii: "-")
        if negative { index &+= 1 }
        guard index < count, Self.isDigit(base[index]) else { throw syntax("a number needs digits") }
        if base[index] == UInt8(ascii: "0"), index + 1 < count, Self.isDigit(base[index &+ 1]) {
            throw syntax("numbers may not have leading zeros")
        }
        // Accumulated as a negative number, whose range is one larger, so that Int64.min reads back.
        var negated: Int64 = 0
        while index < count, Self.isDigit(base[index]) {
            let (times, overflowA) = negated.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = times.subtractingReportingOverflow(Int64(base[index] &- UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { throw syntax("number out of range", at: start) }
            negated = next
            index &+= 1
        }
        if index < count, base[index] == UInt8(ascii: ".") || base[index] | 0x20 == UInt8(ascii: "e") {
            throw syntax("only whole numbers are accepted")
        }
        if negative { return negated }
        guard negated != .min else { throw syntax("number out of range", at: start) }
        return -negated
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    // MARK: Strings

    /// Reads the string that starts at the current `"`, checking that it holds no raw control character and
    /// is UTF-8 as `String(validating:)` reads it, and returns where it lies. Escapes are only stepped over
    /// here: whoever reads an escaped token decodes it with `string(_:)`, which checks them.
    ///
    /// Strings are the only place a byte above 0x7F may appear: anywhere else the parse refuses it, and
    /// the names and dates read in place (`isQuoted`, `fixedToken`) are checked to be ASCII.
    mutating func scanString() throws(EventFormatError) -> StringToken {
        index &+= 1
        let start = index
        var escaped = false
        var refusedControl = false
        while true {
            // Eight bytes at a time through runs of printable ASCII, the bulk of a body.
            while count - index >= 8, Self.isPrintableASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index &+= 8
            }
            let window = min(count, index + 8)
            while index < window, Self.isPrintableASCII(base[index]) { index &+= 1 }
            guard index < count else { throw syntax("unterminated string") }
            let byte = base[index]
            switch byte {
            case UInt8(ascii: "\""):
                index &+= 1
                return StringToken(start: start, end: index - 1, isEscaped: escaped, hasRefusedControl: refusedControl)
            case UInt8(ascii: "\\"):
                escaped = true
                guard count - index >= 2 else { throw syntax("unexpected end of input in an escape") }
                index &+= 2
            case 0x00..<0x20:
                throw syntax("control character in a string: escape it")
            case 0x7F:
                refusedControl = true
                index &+= 1
            case 0x80...:
                try scanMultibyte(lead: byte, &refusedControl)
            default:
                // The end of a window the word test flagged falsely.
                break
            }
        }
    }

    /// True when every byte of `word` is printable ASCII other than `"` and `\`. Each term sets the high
    /// bit of a byte it looks for; borrows and carries only add false alarms above a real one, which the
    /// byte loop sorts out.
    @inline(__always)
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let found = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
            | ((word &- ones &* 0x20) & ~word) | word | (word &+ ones)
        return found & (ones &* 0x80) == 0
    }

    @inline(__always)
    private static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    /// Checks one multi-byte UTF-8 sequence (Unicode table 3-7: no overlong forms, no surrogates, nothing
    /// past U+10FFFF) and steps over it, noting a C1 control character.
    private mutating func scanMultibyte(lead: UInt8, _ refusedControl: inout Bool) throws(EventFormatError) {
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw syntax("string is not valid UTF-8")
        }
        guard count - index >= length else { throw syntax("string is not valid UTF-8") }
        let second = base[index &+ 1]
        guard second >= low, second <= high,
              length < 3 || base[index + 2] & 0xC0 == 0x80,
              length < 4 || base[index + 3] & 0xC0 == 0x80
        else { throw syntax("string is not valid UTF-8") }
        if lead == 0xC2, second < 0xA0 { refusedControl = true }
        index &+= length
    }

    /// The text of a scanned string. Unescaped bytes were validated by `scanString`; escaped ones are decoded
    /// by `JSONParser`, which also checks the escapes.
    func string(_ token: StringToken) throws(EventFormatError) -> String {
        guard token.isEscaped else {
            return String(decoding: UnsafeBufferPointer(start: base + token.start, count: token.count), as: UTF8.self)
        }
        let quoted = UnsafeBufferPointer(start: base + token.start - 1, count: token.count + 2)
        let value: JSONValue
        do { value = try JSONParser.parse(quoted) } catch {
            throw syntax(error.reason, at: token.start - 1 + error.offset)
        }
        guard case .string(let text) = value else { throw syntax("expected a string", at: token.start - 1) }
        return text
    }

    /// True when the token's raw bytes are `literal`.
    @inline(__always)
    func bytes(of token: StringToken, equal literal: StaticString) -> Bool {
        guard token.count == literal.utf8CodeUnitCount else { return false }
        return Self.equal(base + token.start, literal.utf8Start, token.count)
    }

    /// True when the token's raw bytes are `text`'s UTF-8, compared as `bytes(of:equal:)` compares a literal:
    /// a history walk asks it of two texts of every event (its source and who recorded it), and byte by byte
    /// over the text's UTF-8 view it was about 3.5 % of the decoding thread of `carnot history cons-001` at 1M.
    func bytes(of token: StringToken, equalUTF8Of text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard token.count == utf8.count else { return false }
            guard let start = utf8.baseAddress else { return true }
            return Self.equal(base + token.start, start, token.count)
        }
    }

    /// The byte after the `"` at the current byte, 0 when the current byte is not `"` or ends the input.
    var byteAfterQuote: UInt8 {
        guard count - index >= 2, base[index] == UInt8(ascii: "\"") else { return 0 }
        return base[index &+ 1]
    }

    /// True when `"literal"` (quotes included) starts at the current byte, which is a `"`.
    @inline(__always)
    func isQuoted(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard count - index >= length + 2, base[index &+ length &+ 1] == UInt8(ascii: "\"") else { return false }
        return Self.equal(base + (index &+ 1), literal.utf8Start, length)
    }

    /// True when `length` bytes at `a` and `b` are equal, compared a word at a time: names are short, and
    /// this runs for every key of every body. Both ranges must be readable for `length` bytes.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let first = UnsafeRawPointer(a)
        let second = UnsafeRawPointer(b)
        switch length {
        case 8...:
            // Whole words, then the last word (overlapping the one before when the length is not a multiple).
            var offset = 0
            while offset + 8 <= length {
                guard first.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == second.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
                offset += 8
            }
            return first.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
                == second.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        case 4...:
            return first.loadUnaligned(as: UInt32.self) == second.loadUnaligned(as: UInt32.self)
                && first.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
                == second.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
        default:
            for offset in 0..<length where a[offset] != b[offset] { return false }
            return true
        }
    }

    /// Consumes `literal` (punctuation and a key, such as `,"seq":`) when the bytes at the current one are
    /// exactly it, compared a word at a time: how `FactDecoder.canonicalFact` steps from member to member.
    @inline(__always)
    mutating func consume(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard count - index >= length, Self.equal(base + index, literal.utf8Start, length) else { return false }
        index &+= length
        return true
    }

    /// Steps over `length` bytes the caller has checked.
    @inline(__always)
    mutating func skip(_ length: Int) { index &+= length }

    /// The token a string of exactly `length` bytes at the current byte would be, when a `"` sits where it
    /// would close. The caller must check every byte of it (a date, a timestamp) before `skip`ping
    /// `length + 2`: bytes that pass such a check hold no quote, so the string does end there.
    func fixedToken(_ length: Int) -> StringToken? {
        guard count - index >= length + 2, base[index] == UInt8(ascii: "\""),
              base[index &+ length &+ 1] == UInt8(ascii: "\"") else { return nil }
        return StringToken(start: index + 1, end: index + 1 + length, isEscaped: false)
    }

    /// The raw byte at `offset` of a token (which must be within it).
    @inline(__always)
    func byte(_ token: StringToken, _ offset: Int) -> UInt8 { base[token.start + offset] }
}
