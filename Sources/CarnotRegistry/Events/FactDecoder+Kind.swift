extension FactDecoder {
    /// The event types; `literal` is each one's name in the log (`Event.typeNames`).
    enum Kind: Int, CaseIterable, ByteMatchable {
        case instituteRegistered, instituteRenamed, directorAppointed, callOpened, callResultsAnnounced
        case labelGranted, labelRenewed, labelExtended, labelWithdrawn, labelNotRenewed
        case schoolRegistered, schoolRenamed, schoolParentChanged, schoolsMerged, schoolAffiliated, schoolDisaffiliated
        case personRegistered, officeAppointed, officeLeft, consortiumFormed, consortiumJoined, consortiumLeft
        case eventRetracted, eventCorrected

        var name: String { literal.description }

        @inline(__always)
        var literal: StaticString {
            switch self {
            case .instituteRegistered: "institute.registered"
            case .instituteRenamed: "institute.renamed"
            case .directorAppointed: "institute.directorAppointed"
            case .callOpened: "call.opened"
            case .callResultsAnnounced: "call.resultsAnnounced"
            case .labelGranted: "label.granted"
            case .labelRenewed: "label.renewed"
            case .labelExtended: "label.extended"
            case .labelWithdrawn: "label.withdrawn"
            case .labelNotRenewed: "label.notRenewed"
            case .schoolRegistered: "school.registered"
            case .schoolRenamed: "school.renamed"
            case .schoolParentChanged: "school.parentChanged"
            case .schoolsMerged: "schools.merged"
            case .schoolAffiliated: "school.affiliated"
            case .schoolDisaffiliated: "school.disaffiliated"
            case .personRegistered: "person.registered"
            case .officeAppointed: "office.appointed"
            case .officeLeft: "office.left"
            case .consortiumFormed: "consortium.formed"
            case .consortiumJoined: "consortium.joined"
            case .consortiumLeft: "consortium.left"
            case .eventRetracted: "event.retracted"
            case .eventCorrected: "event.corrected"
            }
        }

        static func match(_ token: CanonicalScanner.StringToken, in scanner: CanonicalScanner) -> Self? {
            switch token.count {
            case 11:
                if scanner.bytes(of: token, equal: "call.opened") { return .callOpened }
                if scanner.bytes(of: token, equal: "office.left") { return .officeLeft }
                return nil
            case 13:
                if scanner.bytes(of: token, equal: "label.granted") { return .labelGranted }
                if scanner.bytes(of: token, equal: "label.renewed") { return .labelRenewed }
                return nil
            case 14:
                if scanner.bytes(of: token, equal: "label.extended") { return .labelExtended }
                if scanner.bytes(of: token, equal: "school.renamed") { return .schoolRenamed }
                if scanner.bytes(of: token, equal: "schools.merged") { return .schoolsMerged }
                return nil
            case 15:
                if scanner.bytes(of: token, equal: "consortium.left") { return .consortiumLeft }
                if scanner.bytes(of: token, equal: "event.corrected") { return .eventCorrected }
                if scanner.bytes(of: token, equal: "event.retracted") { return .eventRetracted }
                if scanner.bytes(of: token, equal: "label.withdrawn") { return .labelWithdrawn }
                return nil
            case 16:
                if scanner.bytes(of: token, equal: "label.notRenewed") { return .labelNotRenewed }
                if scanner.bytes(of: token, equal: "office.appointed") { return .officeAppointed }
                return nil
            case 17:
                if scanner.bytes(of: token, equal: "consortium.formed") { return .consortiumFormed }
                if scanner.bytes(of: token, equal: "consortium.joined") { return .consortiumJoined }
                if scanner.bytes(of: token, equal: "institute.renamed") { return .instituteRenamed }
                if scanner.bytes(of: token, equal: "person.registered") { return .personRegistered }
                if scanner.bytes(of: token, equal: "school.affiliated") { return .schoolAffiliated }
                if scanner.bytes(of: token, equal: "school.registered") { return .schoolRegistered }
                return nil
            case 20:
                if scanner.bytes(of: token, equal: "institute.registered") { return .instituteRegistered }
                if scanner.bytes(of: token, equal: "school.disaffiliated") { return .schoolDisaffiliated }
                if scanner.bytes(of: token, equal: "school.parentChanged") { return .schoolParentChanged }
                return nil
            case 21:
                if scanner.bytes(of: token, equal: "call.resultsAnnounced") { return .callResultsAnnounced }
                return nil
            case 27:
                if scanner.bytes(of: token, equal: "institute.directorAppointed") { return .directorAppointed }
                return nil
            default: return nil
            }
        }

        static func matchQuoted(in scanner: CanonicalScanner) -> Self? {
            switch scanner.byteAfterQuote {
            case UInt8(ascii: "c"):
                if scanner.isQuoted("call.opened") { return .callOpened }
                if scanner.isQuoted("call.resultsAnnounced") { return .callResultsAnnounced }
                if scanner.isQuoted("consortium.formed") { return .consortiumFormed }
                if scanner.isQuoted("consortium.joined") { return .consortiumJoined }
                if scanner.isQuoted("consortium.left") { return .consortiumLeft }
                return nil
            case UInt8(ascii: "e"):
                if scanner.isQuoted("event.corrected") { return .eventCorrected }
                if scanner.isQuoted("event.retracted") { return .eventRetracted }
                return nil
            case UInt8(ascii: "i"):
                if scanner.isQuoted("institute.directorAppointed") { return .directorAppointed }
                if scanner.isQuoted("institute.registered") { return .instituteRegistered }
                if scanner.isQuoted("institute.renamed") { return .instituteRenamed }
                return nil
            case UInt8(ascii: "l"):
                if scanner.isQuoted("label.extended") { return .labelExtended }
                if scanner.isQuoted("label.granted") { return .labelGranted }
                if scanner.isQuoted("label.notRenewed") { return .labelNotRenewed }
                if scanner.isQuoted("label.renewed") { return .labelRenewed }
                if scanner.isQuoted("label.withdrawn") { return .labelWithdrawn }
                return nil
            case UInt8(ascii: "o"):
                if scanner.isQuoted("office.appointed") { return .officeAppointed }
                if scanner.isQuoted("office.left") { return .officeLeft }
                return nil
            case UInt8(ascii: "p"):
                if scanner.isQuoted("person.registered") { return .personRegistered }
                return nil
            case UInt8(ascii: "s"):
                if scanner.isQuoted("school.affiliated") { return .schoolAffiliated }
                if scanner.isQuoted("school.disaffiliated") { return .schoolDisaffiliated }
                if scanner.isQuoted("school.parentChanged") { return .schoolParentChanged }
                if scanner.isQuoted("school.registered") { return .schoolRegistered }
                if scanner.isQuoted("school.renamed") { return .schoolRenamed }
                if scanner.isQuoted("schools.merged") { return .schoolsMerged }
                return nil
            default: return nil
            }
        }

        /// The payload members of the type in its current schema version.
        var payloadKeys: [PayloadKey] {
            switch self {
            case .instituteRegistered: [.institute, .name, .homeInstitutions]
            case .instituteRenamed: [.institute, .name]
            case .directorAppointed: [.institute, .person]
            case .callOpened: [.call, .name, .closes]
            case .callResultsAnnounced: [.call, .labelled, .renewed, .new, .notRenewed, .tremplins, .probation]
            case .labelGranted: [.institute, .kind, .call, .from, .until, .probation]
            case .labelRenewed: [.institute, .call, .from, .until]
            case .labelExtended: [.institute, .until]
            case .labelWithdrawn: [.institute, .reason]
            case .labelNotRenewed: [.institute, .call, .reason]
            case .schoolRegistered: [.school, .name, .parent]
            case .schoolRenamed: [.school, .name]
            case .schoolParentChanged: [.school, .parent]
            case .schoolsMerged: [.schools, .into, .name, .parent]
            case .schoolAffiliated: [.school, .institute, .role]
            case .schoolDisaffiliated: [.school, .institute]
            case .personRegistered: [.person, .name, .alsoKnownAs]
            case .officeAppointed: [.person, .office, .representing]
            case .officeLeft: [.person, .office]
            case .consortiumFormed: [.consortium, .name]
            case .consortiumJoined: [.consortium, .institute, .role]
            case .consortiumLeft: [.consortium, .institute]
            case .eventRetracted: [.target, .reason]
            case .eventCorrected: [.target, .reason, .replacement]
            }
        }

        var isCorrection: Bool { self == .eventRetracted || self == .eventCorrected }

        /// `EventSchema.version(of:)` of each kind, by raw value.
        private static let currentVersions = allCases.map { EventSchema.version(of: $0.name) }
        /// The payload members of each kind in its current version, as a mask of `PayloadKey` bits.
        private static let currentMasks = allCases.map { $0.payloadKeys.reduce(UInt32(0)) { $0 | $1.bit } }

        var currentVersion: Int { Self.currentVersions[rawValue] }

        /// The payload members of the type written in schema `version`.
        func allowedKeys(version: Int) -> UInt32 {
            // Version 1 of person.registered had no alsoKnownAs: there the field is unknown.
            if self == .personRegistered, version < 2 { return Self.currentMasks[rawValue] & ~PayloadKey.alsoKnownAs.bit }
            return Self.currentMasks[rawValue]
        }

        /// Reads the kind the `type` string at the scanner's current byte names.
        /// - Throws: when it names no event type.
        static func read(_ scanner: inout CanonicalScanner) throws(EventFormatError) -> Kind {
            if let kind = scanner.readQuoted(Kind.self) { return kind }
            let token = try scanner.stringToken("type")
            guard let kind = try scanner.lookup(token, Kind.self) else {
                throw EventFormatError(field: "type", value: (try? scanner.string(token)) ?? "?",
                                       rule: "unknown event type; known types: \(Event.typeNames.joined(separator: ", "))")
            }
            return kind
        }

        /// Checks a `schema` value as `EventSchema.checkVersion` does: 1 to the type's current version.
        func checkVersion(_ schema: Int64, field: String) throws(EventFormatError) -> Int {
            let current = currentVersion
            guard schema >= 1, schema <= Int64(current) else {
                throw EventFormatError(field: field, value: String(schema),
                                       rule: "unsupported schema version for \(name) (this build reads versions 1 to \(current))")
            }
            return Int(schema)
        }
    }
}
