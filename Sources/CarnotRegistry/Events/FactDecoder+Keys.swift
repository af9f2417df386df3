/// A closed set of names (the keys of an object, the event types, the words of a vocabulary) recognised
/// from raw bytes, so that no `String` is built to tell which one a JSON string holds.
protocol ByteMatchable: CaseIterable {
    /// The name as JSON writes it: printable ASCII, without quote or backslash.
    var literal: StaticString { get }
    /// The case whose name is exactly the token's raw bytes, nil for none.
    static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self?
    /// The case whose name, between quotes, starts at the scanner's current byte (a `"`), nil for none.
    static func matchQuoted(in scanner: CanonicalScanner) -> Self?
}

extension CanonicalScanner {
    /// The case a scanned string names, nil for none.
    ///
    /// An unescaped token is matched on its bytes. When that finds nothing, or the token holds escapes, the
    /// decoded text is compared as `String`s compare (canonical equivalence: a key spelt with U+212A KELVIN
    /// SIGN is `alsoKnownAs`), which is how the slow path's dictionary and `init(rawValue:)` tell names apart.
    func lookup<T: ByteMatchable>(_ token: StringToken, _: T.Type) throws(EventFormatError) -> T? {
        if !token.isEscaped, let found = T.match(token, in: self) { return found }
        let text = try string(token)
        return T.allCases.first { $0.literal.description == text }
    }

    /// Consumes a string that is exactly one of `T`'s names, quotes included, without scanning it; nil (and
    /// nothing consumed) when the string is anything else, which the caller then scans and looks up.
    @inline(__always)
    mutating func readQuoted<T: ByteMatchable>(_: T.Type) -> T? {
        guard let found = T.matchQuoted(in: self) else { return nil }
        skip(found.literal.utf8CodeUnitCount + 2)
        return found
    }
}

extension FactDecoder {
    /// The members of a published line, in canonical (sorted) order: `rawValue` is the bit of each in a
    /// mask. A stored body holds all but `hash` and `prev`, which the store keeps in columns of their own.
    enum EnvelopeKey: Int, CaseIterable, ByteMatchable {
        case confidence, effective, hash, id, note, payload, precision, prev, recorded, recordedBy, schema, seq, source, type

        var bit: UInt32 { 1 << UInt32(rawValue) }

        /// True for the chain members, which only a published line holds.
        var isChain: Bool { self == .hash || self == .prev }

        /// The member that follows this one in a canonical line (`inLine`) or body.
        @inline(__always)
        func following(inLine: Bool) -> EnvelopeKey? {
            guard let next = EnvelopeKey(rawValue: rawValue + 1) else { return nil }
            return next.isChain && !inLine ? EnvelopeKey(rawValue: rawValue + 2) : next
        }

        @inline(__always)
        var literal: StaticString {
            switch self {
            case .confidence: "confidence"
            case .effective: "effective"
            case .hash: "hash"
            case .id: "id"
            case .note: "note"
            case .payload: "payload"
            case .precision: "precision"
            case .prev: "prev"
            case .recorded: "recorded"
            case .recordedBy: "recordedBy"
            case .schema: "schema"
            case .seq: "seq"
            case .source: "source"
            case .type: "type"
            }
        }

        static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self? {
            switch token.count {
            case 2:
                if scanner.bytes(of: token, equal: "id") { return .id }
                return nil
            case 3:
                if scanner.bytes(of: token, equal: "seq") { return .seq }
                return nil
            case 4:
                if scanner.bytes(of: token, equal: "hash") { return .hash }
                if scanner.bytes(of: token, equal: "note") { return .note }
                if scanner.bytes(of: token, equal: "prev") { return .prev }
                if scanner.bytes(of: token, equal: "type") { return .type }
                return nil
            case 6:
                if scanner.bytes(of: token, equal: "schema") { return .schema }
                if scanner.bytes(of: token, equal: "source") { return .source }
                return nil
            case 7:
                if scanner.bytes(of: token, equal: "payload") { return .payload }
                return nil
            case 8:
                if scanner.bytes(of: token, equal: "recorded") { return .recorded }
                return nil
            case 9:
                if scanner.bytes(of: token, equal: "effective") { return .effective }
                if scanner.bytes(of: token, equal: "precision") { return .precision }
                return nil
            case 10:
                if scanner.bytes(of: token, equal: "confidence") { return .confidence }
                if scanner.bytes(of: token, equal: "recordedBy") { return .recordedBy }
                return nil
            default: return nil
            }
        }

        static func matchQuoted(in scanner: CanonicalScanner) -> Self? {
            switch scanner.byteAfterQuote {
            case UInt8(ascii: "c"):
                if scanner.isQuoted("confidence") { return .confidence }
                return nil
            case UInt8(ascii: "e"):
                if scanner.isQuoted("effective") { return .effective }
                return nil
            case UInt8(ascii: "h"):
                if scanner.isQuoted("hash") { return .hash }
                return nil
            case UInt8(ascii: "i"):
                if scanner.isQuoted("id") { return .id }
                return nil
            case UInt8(ascii: "n"):
                if scanner.isQuoted("note") { return .note }
                return nil
            case UInt8(ascii: "p"):
                if scanner.isQuoted("payload") { return .payload }
                if scanner.isQuoted("precision") { return .precision }
                if scanner.isQuoted("prev") { return .prev }
                return nil
            case UInt8(ascii: "r"):
                if scanner.isQuoted("recorded") { return .recorded }
                if scanner.isQuoted("recordedBy") { return .recordedBy }
                return nil
            case UInt8(ascii: "s"):
                if scanner.isQuoted("schema") { return .schema }
                if scanner.isQuoted("seq") { return .seq }
                if scanner.isQuoted("source") { return .source }
                return nil
            case UInt8(ascii: "t"):
                if scanner.isQuoted("type") { return .type }
                return nil
            default: return nil
            }
        }
    }

    /// Every member a payload may hold, in sorted order, so that the lowest unknown bit is the first unknown key.
    enum PayloadKey: Int, CaseIterable, ByteMatchable {
        case alsoKnownAs, call, closes, consortium, from, homeInstitutions, institute, into, kind, labelled, name
        case new, notRenewed, office, parent, person, probation, reason, renewed, replacement, representing, role
        case school, schools, target, tremplins, until

        var bit: UInt32 { 1 << UInt32(rawValue) }

        @inline(__always)
        var literal: StaticString {
            switch self {
            case .alsoKnownAs: "alsoKnownAs"
            case .call: "call"
            case .closes: "closes"
            case .consortium: "consortium"
            case .from: "from"
            case .homeInstitutions: "homeInstitutions"
            case .institute: "institute"
            case .into: "into"
            case .kind: "kind"
            case .labelled: "labelled"
            case .name: "name"
            case .new: "new"
            case .notRenewed: "notRenewed"
            case .office: "office"
            case .parent: "parent"
            case .person: "person"
            case .probation: "probation"
            case .reason: "reason"
            case .renewed: "renewed"
            case .replacement: "replacement"
            case .representing: "representing"
            case .role: "role"
            case .school: "school"
            case .schools: "schools"
            case .target: "target"
            case .tremplins: "tremplins"
            case .until: "until"
            }
        }

        static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self? {
            switch token.count {
            case 3:
                if scanner.bytes(of: token, equal: "new") { return .new }
                return nil
            case 4:
                if scanner.bytes(of: token, equal: "call") { return .call }
                if scanner.bytes(of: token, equal: "from") { return .from }
                if scanner.bytes(of: token, equal: "into") { return .into }
                if scanner.bytes(of: token, equal: "kind") { return .kind }
                if scanner.bytes(of: token, equal: "name") { return .name }
                if scanner.bytes(of: token, equal: "role") { return .role }
                return nil
            case 5:
                if scanner.bytes(of: token, equal: "until") { return .until }
                return nil
            case 6:
                if scanner.bytes(of: token, equal: "closes") { return .closes }
                if scanner.bytes(of: token, equal: "office") { return .office }
                if scanner.bytes(of: token, equal: "parent") { return .parent }
                if scanner.bytes(of: token, equal: "person") { return .person }
                if scanner.bytes(of: token, equal: "reason") { return .reason }
                if scanner.bytes(of: token, equal: "school") { return .school }
                if scanner.bytes(of: token, equal: "target") { return .target }
                return nil
            case 7:
                if scanner.bytes(of: token, equal: "renewed") { return .renewed }
                if scanner.bytes(of: token, equal: "schools") { return .schools }
                return nil
            case 8:
                if scanner.bytes(of: token, equal: "labelled") { return .labelled }
                return nil
            case 9:
                if scanner.bytes(of: token, equal: "institute") { return .institute }
                if scanner.bytes(of: token, equal: "probation") { return .probation }
                if scanner.bytes(of: token, equal: "tremplins") { return .tremplins }
                return nil
            case 10:
                if scanner.bytes(of: token, equal: "consortium") { return .consortium }
                if scanner.bytes(of: token, equal: "notRenewed") { return .notRenewed }
                return nil
            case 11:
                if scanner.bytes(of: token, equal: "alsoKnownAs") { return .alsoKnownAs }
                if scanner.bytes(of: token, equal: "replacement") { return .replacement }
                return nil
            case 12:
                if scanner.bytes(of: token, equal: "representing") { return .representing }
                return nil
            case 16:
                if scanner.bytes(of: token, equal: "homeInstitutions") { return .homeInstitutions }
                return nil
            default: return nil
            }
        }

        static func matchQuoted(in scanner: CanonicalScanner) -> Self? {
            switch scanner.byteAfterQuote {
            case UInt8(ascii: "a"):
                if scanner.isQuoted("alsoKnownAs") { return .alsoKnownAs }
                return nil
            case UInt8(ascii: "c"):
                if scanner.isQuoted("call") { return .call }
                if scanner.isQuoted("closes") { return .closes }
                if scanner.isQuoted("consortium") { return .consortium }
                return nil
            case UInt8(ascii: "f"):
                if scanner.isQuoted("from") { return .from }
                return nil
            case UInt8(ascii: "h"):
                if scanner.isQuoted("homeInstitutions") { return .homeInstitutions }
                return nil
            case UInt8(ascii: "i"):
                if scanner.isQuoted("institute") { return .institute }
                if scanner.isQuoted("into") { return .into }
                return nil
            case UInt8(ascii: "k"):
                if scanner.isQuoted("kind") { return .kind }
                return nil
            case UInt8(ascii: "l"):
                if scanner.isQuoted("labelled") { return .labelled }
                return nil
            case UInt8(ascii: "n"):
                if scanner.isQuoted("name") { return .name }
                if scanner.isQuoted("new") { return .new }
                if scanner.isQuoted("notRenewed") { return .notRenewed }
                return nil
            case UInt8(ascii: "o"):
                if scanner.isQuoted("office") { return .office }
                return nil
            case UInt8(ascii: "p"):
                if scanner.isQuoted("parent") { return .parent }
                if scanner.isQuoted("person") { return .person }
                if scanner.isQuoted("probation") { return .probation }
                return nil
            case UInt8(ascii: "r"):
                if scanner.isQuoted("reason") { return .reason }
                if scanner.isQuoted("renewed") { return .renewed }
                if scanner.isQuoted("replacement") { return .replacement }
                if scanner.isQuoted("representing") { return .representing }
                if scanner.isQuoted("role") { return .role }
                return nil
            case UInt8(ascii: "s"):
                if scanner.isQuoted("school") { return .school }
                if scanner.isQuoted("schools") { return .schools }
                return nil
            case UInt8(ascii: "t"):
                if scanner.isQuoted("target") { return .target }
                if scanner.isQuoted("tremplins") { return .tremplins }
                return nil
            case UInt8(ascii: "u"):
                if scanner.isQuoted("until") { return .until }
                return nil
            default: return nil
            }
        }
    }

    /// The members of a replacement (`event.corrected`'s `replacement`), in sorted order.
    enum CorrectionKey: Int, CaseIterable, ByteMatchable {
        case effective, payload, precision, schema, type

        var bit: UInt32 { 1 << UInt32(rawValue) }

        @inline(__always)
        var literal: StaticString {
            switch self {
            case .effective: "effective"
            case .payload: "payload"
            case .precision: "precision"
            case .schema: "schema"
            case .type: "type"
            }
        }

        static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self? {
            switch token.count {
            case 4:
                if scanner.bytes(of: token, equal: "type") { return .type }
                return nil
            case 6:
                if scanner.bytes(of: token, equal: "schema") { return .schema }
                return nil
            case 7:
                if scanner.bytes(of: token, equal: "payload") { return .payload }
                return nil
            case 9:
                if scanner.bytes(of: token, equal: "effective") { return .effective }
                if scanner.bytes(of: token, equal: "precision") { return .precision }
                return nil
            default: return nil
            }
        }

        static func matchQuoted(in scanner: CanonicalScanner) -> Self? {
            switch scanner.byteAfterQuote {
            case UInt8(ascii: "e"):
                if scanner.isQuoted("effective") { return .effective }
                return nil
            case UInt8(ascii: "p"):
                if scanner.isQuoted("payload") { return .payload }
                if scanner.isQuoted("precision") { return .precision }
                return nil
            case UInt8(ascii: "s"):
                if scanner.isQuoted("schema") { return .schema }
                return nil
            case UInt8(ascii: "t"):
                if scanner.isQuoted("type") { return .type }
                return nil
            default: return nil
            }
        }
    }
}
