extension FactDecoder {
    /// Builds the event of type `kind` written in schema `version` from the members of its payload, as
    /// `Event(type:payload:version:)` does: members the type does not have are refused, required ones must
    /// be given (not null), and a schema 1 `person.registered` reads as having no other names.
    ///
    /// It moves the texts, ids and lists it keeps out of `f` rather than copying them: a copy retained each
    /// one and the end of `f` released it again, for every fact of a replay.
    static func makeEvent(_ kind: Kind, version: Int, _ f: inout PayloadFields) throws(EventFormatError) -> Event {
        let allowed = kind.allowedKeys(version: version)
        let unknown = f.seen & ~allowed
        guard unknown == 0 else {
            let names = PayloadKey.allCases.filter { allowed & $0.bit != 0 }.map(\.literal.description)
            let first = PayloadKey(rawValue: unknown.trailingZeroBitCount)?.literal.description ?? "?"
            throw EventFormatError(field: first,
                                   rule: "unknown field; allowed here: \(names.joined(separator: ", "))")
        }
        switch kind {
        case .instituteRegistered:
            return .instituteRegistered(institute: try need(f.institute.take(), "institute"), name: try need(f.name.take(), "name"),
                                        homeInstitutions: f.homeInstitutions.take() ?? [])
        case .instituteRenamed:
            return .instituteRenamed(institute: try need(f.institute.take(), "institute"), name: try need(f.name.take(), "name"))
        case .directorAppointed:
            return .directorAppointed(institute: try need(f.institute.take(), "institute"), person: try need(f.person.take(), "person"))
        case .callOpened:
            return .callOpened(call: try need(f.call.take(), "call"), name: try need(f.name.take(), "name"), closes: f.closes)
        case .callResultsAnnounced:
            let probation: Int?
            switch f.probation {
            case nil: probation = nil
            case .count(let number) where (0...100_000).contains(number): probation = Int(number)
            case .count(let number):
                throw EventFormatError(field: "probation", value: String(number), rule: "must be a whole number from 0 to 100000")
            case .flag(let flag):
                throw EventFormatError(field: "probation", value: String(flag), rule: "must be a whole number from 0 to 100000")
            }
            return .callResultsAnnounced(call: try need(f.call.take(), "call"), counts: CallCounts(
                labelled: try need(f.labelled, "labelled"), renewed: f.renewed, new: f.new, notRenewed: f.notRenewed,
                tremplins: f.tremplins, probation: probation))
        case .labelGranted:
            let probation: Bool
            switch f.probation {
            case nil: probation = false
            case .flag(let flag): probation = flag
            case .count: throw EventFormatError(field: "probation", value: "number", rule: "must be true or false")
            }
            return .labelGranted(institute: try need(f.institute.take(), "institute"), kind: try need(f.labelKind, "kind"),
                                 call: try need(f.call.take(), "call"), from: try need(f.from, "from"),
                                 until: try need(f.until, "until"), probation: probation)
        case .labelRenewed:
            return .labelRenewed(institute: try need(f.institute.take(), "institute"), call: try need(f.call.take(), "call"),
                                 from: try need(f.from, "from"), until: try need(f.until, "until"))
        case .labelExtended:
            return .labelExtended(institute: try need(f.institute.take(), "institute"), until: try need(f.until, "until"))
        case .labelWithdrawn:
            return .labelWithdrawn(institute: try need(f.institute.take(), "institute"), reason: try need(f.reason.take(), "reason"))
        case .labelNotRenewed:
            return .labelNotRenewed(institute: try need(f.institute.take(), "institute"), call: try need(f.call.take(), "call"),
                                    reason: f.reason.take())
        case .schoolRegistered:
            return .schoolRegistered(school: try need(f.school.take(), "school"), name: try need(f.name.take(), "name"), parent: f.parent.take())
        case .schoolRenamed:
            return .schoolRenamed(school: try need(f.school.take(), "school"), name: try need(f.name.take(), "name"))
        case .schoolParentChanged:
            return .schoolParentChanged(school: try need(f.school.take(), "school"), parent: try need(f.parent.take(), "parent"))
        case .schoolsMerged:
            return .schoolsMerged(schools: try need(f.schools.take(), "schools"), into: try need(f.into.take(), "into"),
                                  name: try need(f.name.take(), "name"), parent: f.parent.take())
        case .schoolAffiliated:
            guard let role = f.affiliationRole else {
                if f.consortiumRole != nil { throw badChoice("role", AffiliationRole.self) }
                throw EventFormatError(field: "role", rule: "is required")
            }
            return .schoolAffiliated(school: try need(f.school.take(), "school"), institute: try need(f.institute.take(), "institute"),
                                     role: role)
        case .schoolDisaffiliated:
            return .schoolDisaffiliated(school: try need(f.school.take(), "school"), institute: try need(f.institute.take(), "institute"))
        case .personRegistered:
            return .personRegistered(person: try need(f.person.take(), "person"), name: try need(f.name.take(), "name"),
                                     alsoKnownAs: version >= 2 ? f.alsoKnownAs.take() ?? [] : [])
        case .officeAppointed:
            return .officeHolderAppointed(person: try need(f.person.take(), "person"), office: try need(f.office, "office"),
                                          representing: f.representing.take())
        case .officeLeft:
            return .officeHolderLeft(person: try need(f.person.take(), "person"), office: try need(f.office, "office"))
        case .consortiumFormed:
            return .consortiumFormed(consortium: try need(f.consortium.take(), "consortium"), name: try need(f.name.take(), "name"))
        case .consortiumJoined:
            if f.consortiumRole == nil, f.affiliationRole != nil { throw badChoice("role", ConsortiumRole.self) }
            return .consortiumJoined(consortium: try need(f.consortium.take(), "consortium"),
                                     institute: try need(f.institute.take(), "institute"), role: f.consortiumRole ?? .member)
        case .consortiumLeft:
            return .consortiumLeft(consortium: try need(f.consortium.take(), "consortium"), institute: try need(f.institute.take(), "institute"))
        case .eventRetracted:
            return .eventRetracted(target: try need(f.target, "target"), reason: try need(f.reason.take(), "reason"))
        case .eventCorrected:
            return .eventCorrected(target: try need(f.target, "target"), reason: try need(f.reason.take(), "reason"),
                                   replacement: try need(f.replacement.take(), "replacement"))
        }
    }

    @inline(__always)
    private static func need<T>(_ value: T?, _ field: String) throws(EventFormatError) -> T {
        guard let value else { throw EventFormatError(field: field, rule: "is required") }
        return value
    }

    private static func badChoice<T: RawRepresentable & CaseIterable>(_ field: String, _: T.Type) -> EventFormatError
    where T.RawValue == String {
        EventFormatError(field: field, rule: "must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
