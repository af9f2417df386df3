// The words of the model's vocabularies, matched on bytes by `CanonicalScanner.lookup(_:_:)` and
// `readQuoted(_:)`. Each `literal` is the case's `rawValue` (FactDecoderTests checks it); a case added to a
// vocabulary and missing here is still read, through the `String` comparison `lookup` falls back to.

extension DatePrecision: ByteMatchable {
    @inline(__always)
    var literal: StaticString {
        switch self {
        case .year: "year"
        case .month: "month"
        case .day: "day"
        }
    }

    static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self? {
        switch token.count {
        case 3:
            if scanner.bytes(of: token, equal: "day") { return .day }
            return nil
        case 4:
            if scanner.bytes(of: token, equal: "year") { return .year }
            return nil
        case 5:
            if scanner.bytes(of: token, equal: "month") { return .month }
            return nil
        default: return nil
        }
    }

    static func matchQuoted(in scanner: CanonicalScanner) -> Self? {
        switch scanner.byteAfterQuote {
        case UInt8(ascii: "d"):
            if scanner.isQuoted("day") { return .day }
            return nil
        case UInt8(ascii: "m"):
            if scanner.isQuoted("month") { return .month }
            return nil
        case UInt8(ascii: "y"):
            if scanner.isQuoted("year") { return .year }
            return nil
        default: return nil
        }
    }
}

extension Confidence: ByteMatchable {
    @inline(__always)
    var literal: StaticString {
        switch self {
        case .confirmed: "confirmed"
        case .probable: "probable"
        case .uncertain: "uncertain"
        }
    }

    static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self? {
        switch token.count {
        case 8:
            if scanner.bytes(of: token, equal: "probable") { return .probable }
            return nil
        case 9:
            if scanner.bytes(of: token, equal: "confirmed") { return .confirmed }
            if scanner.bytes(of: token, equal: "uncertain") { return .uncertain }
            return nil
        default: return nil
        }
    }

    static func matchQuoted(in scanner: CanonicalScanner) -> Self? {
        switch scanner.byteAfterQuote {
        case UInt8(ascii: "c"):
            if scanner.isQuoted("confirmed") { return .confirmed }
            return nil
        case UInt8(ascii: "p"):
            if scanner.isQuoted("probable") { return .probable }
            return nil
        case UInt8(ascii: "u"):
            if scanner.isQuoted("uncertain") { return .uncertain }
            return nil
        default: return nil
        }
    }
}

extension LabelKind: ByteMatchable {
    @inline(__always)
    var literal: StaticString {
        switch self {
        case .carnot: "carnot"
        case .tremplin: "tremplin"
        }
    }

    static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self? {
        switch token.count {
        case 6:
            if scanner.bytes(of: token, equal: "carnot") { return .carnot }
            return nil
        case 8:
            if scanner.bytes(of: token, equal: "tremplin") { return .tremplin }
            return nil
        default: return nil
        }
    }

    static func matchQuoted(in scanner: CanonicalScanner) -> Self? {
        switch scanner.byteAfterQuote {
        case UInt8(ascii: "c"):
            if scanner.isQuoted("carnot") { return .carnot }
            return nil
        case UInt8(ascii: "t"):
            if scanner.isQuoted("tremplin") { return .tremplin }
            return nil
        default: return nil
        }
    }
}

extension AffiliationRole: ByteMatchable {
    @inline(__always)
    var literal: StaticString {
        switch self {
        case .member: "member"
        case .subsidiary: "subsidiary"
        case .strategicPartner: "strategic-partner"
        }
    }

    static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self? {
        switch token.count {
        case 6:
            if scanner.bytes(of: token, equal: "member") { return .member }
            return nil
        case 10:
            if scanner.bytes(of: token, equal: "subsidiary") { return .subsidiary }
            return nil
        case 17:
            if scanner.bytes(of: token, equal: "strategic-partner") { return .strategicPartner }
            return nil
        default: return nil
        }
    }

    static func matchQuoted(in scanner: CanonicalScanner) -> Self? {
        switch scanner.byteAfterQuote {
        case UInt8(ascii: "m"):
            if scanner.isQuoted("member") { return .member }
            return nil
        case UInt8(ascii: "s"):
            if scanner.isQuoted("strategic-partner") { return .strategicPartner }
            if scanner.isQuoted("subsidiary") { return .subsidiary }
            return nil
        default: return nil
        }
    }
}

extension Office: ByteMatchable {
    @inline(__always)
    var literal: StaticString {
        switch self {
        case .president: "president"
        case .vicePresident: "vice-president"
        case .treasurer: "treasurer"
        case .secretary: "secretary"
        case .viceTreasurer: "vice-treasurer"
        case .viceSecretary: "vice-secretary"
        case .directorGeneral: "director-general"
        case .boardMember: "board-member"
        case .bureauMember: "bureau-member"
        }
    }

    static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self? {
        switch token.count {
        case 9:
            if scanner.bytes(of: token, equal: "president") { return .president }
            if scanner.bytes(of: token, equal: "secretary") { return .secretary }
            if scanner.bytes(of: token, equal: "treasurer") { return .treasurer }
            return nil
        case 12:
            if scanner.bytes(of: token, equal: "board-member") { return .boardMember }
            return nil
        case 13:
            if scanner.bytes(of: token, equal: "bureau-member") { return .bureauMember }
            return nil
        case 14:
            if scanner.bytes(of: token, equal: "vice-president") { return .vicePresident }
            if scanner.bytes(of: token, equal: "vice-secretary") { return .viceSecretary }
            if scanner.bytes(of: token, equal: "vice-treasurer") { return .viceTreasurer }
            return nil
        case 16:
            if scanner.bytes(of: token, equal: "director-general") { return .directorGeneral }
            return nil
        default: return nil
        }
    }

    static func matchQuoted(in scanner: CanonicalScanner) -> Self? {
        switch scanner.byteAfterQuote {
        case UInt8(ascii: "b"):
            if scanner.isQuoted("board-member") { return .boardMember }
            if scanner.isQuoted("bureau-member") { return .bureauMember }
            return nil
        case UInt8(ascii: "d"):
            if scanner.isQuoted("director-general") { return .directorGeneral }
            return nil
        case UInt8(ascii: "p"):
            if scanner.isQuoted("president") { return .president }
            return nil
        case UInt8(ascii: "s"):
            if scanner.isQuoted("secretary") { return .secretary }
            return nil
        case UInt8(ascii: "t"):
            if scanner.isQuoted("treasurer") { return .treasurer }
            return nil
        case UInt8(ascii: "v"):
            if scanner.isQuoted("vice-president") { return .vicePresident }
            if scanner.isQuoted("vice-secretary") { return .viceSecretary }
            if scanner.isQuoted("vice-treasurer") { return .viceTreasurer }
            return nil
        default: return nil
        }
    }
}

extension ConsortiumRole: ByteMatchable {
    @inline(__always)
    var literal: StaticString {
        switch self {
        case .member: "member"
        case .coordinator: "coordinator"
        }
    }

    static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self? {
        switch token.count {
        case 6:
            if scanner.bytes(of: token, equal: "member") { return .member }
            return nil
        case 11:
            if scanner.bytes(of: token, equal: "coordinator") { return .coordinator }
            return nil
        default: return nil
        }
    }

    static func matchQuoted(in scanner: CanonicalScanner) -> Self? {
        switch scanner.byteAfterQuote {
        case UInt8(ascii: "c"):
            if scanner.isQuoted("coordinator") { return .coordinator }
            return nil
        case UInt8(ascii: "m"):
            if scanner.isQuoted("member") { return .member }
            return nil
        default: return nil
        }
    }
}
