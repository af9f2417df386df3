extension FactDecoder {
    /// The members of a payload, read before the type is known: in canonical order `payload` comes before
    /// `schema` and `type`, so members are checked and converted on their own, then `makeEvent` keeps those
    /// the type has.
    struct PayloadFields {
        /// The `PayloadKey` bits of the members present, null or not.
        var seen: UInt32 = 0
        var alsoKnownAs: [String]?
        var call: EntityID?
        var closes: Day?
        var consortium: EntityID?
        var from: Day?
        var homeInstitutions: [String]?
        var institute: EntityID?
        var into: EntityID?
        var labelKind: LabelKind?
        var labelled: Int?
        var name: String?
        var new: Int?
        var notRenewed: Int?
        var office: Office?
        var parent: String?
        var person: EntityID?
        var probation: Probation?
        var reason: String?
        var renewed: Int?
        var replacement: Correction?
        var representing: EntityID?
        /// A role is read both ways: which one applies depends on the type.
        var affiliationRole: AffiliationRole?
        var consortiumRole: ConsortiumRole?
        var school: EntityID?
        var schools: [EntityID]?
        var target: Int64?
        var tremplins: Int?
        var until: Day?
    }

    /// `probation` is a count in `call.resultsAnnounced` and a flag in `label.granted`.
    enum Probation {
        case count(Int64)
        case flag(Bool)
    }

    /// Reads the members of a payload whose `{` was consumed into `f` (in place: it is large).
    /// - Parameter nested: true inside a replacement, which can never hold another.
    static func readPayload(_ s: inout CanonicalScanner, into f: inout PayloadFields, nested: Bool) throws(EventFormatError) {
        var first = true
        while let member = try s.nextMember(&first, expecting: nil as PayloadKey?) {
            let key = try known(member, s, PayloadKey.self)
            guard f.seen & key.bit == 0 else { throw duplicateKey(key.literal, s) }
            f.seen |= key.bit
            if try s.consumeNull() { continue }
            switch key {
            case .alsoKnownAs: f.alsoKnownAs = try strings(&s, "alsoKnownAs")
            case .call: f.call = try id(&s, "call")
            case .closes: f.closes = try day(&s, "closes")
            case .consortium: f.consortium = try id(&s, "consortium")
            case .from: f.from = try day(&s, "from")
            case .homeInstitutions: f.homeInstitutions = try strings(&s, "homeInstitutions")
            case .institute: f.institute = try id(&s, "institute")
            case .into: f.into = try id(&s, "into")
            case .kind: f.labelKind = try s.choiceValue("kind", LabelKind.self)
            case .labelled: f.labelled = try count(&s, "labelled")
            case .name: f.name = try s.text(try s.stringToken("name"), field: "name", maximum: 300)
            case .new: f.new = try count(&s, "new")
            case .notRenewed: f.notRenewed = try count(&s, "notRenewed")
            case .office: f.office = try s.choiceValue("office", Office.self)
            case .parent: f.parent = try s.text(try s.stringToken("parent"), field: "parent", maximum: 300)
            case .person: f.person = try id(&s, "person")
            case .probation:
                switch try s.valueStart() {
                case .number: f.probation = .count(try s.scanInteger())
                case .bool: f.probation = .flag(try s.scanBool())
                default:
                    throw EventFormatError(field: "probation", value: try s.typeName(),
                                           rule: "must be true or false (label.granted) or a whole number (call.resultsAnnounced)")
                }
            case .reason: f.reason = try s.text(try s.stringToken("reason"), field: "reason", maximum: JSONFields.maximumTextLength)
            case .renewed: f.renewed = try count(&s, "renewed")
            case .replacement:
                guard !nested else {
                    throw EventFormatError(field: "replacement", rule: "a replacement cannot itself be a correction")
                }
                guard s.consume(UInt8(ascii: "{")) else {
                    throw EventFormatError(field: "replacement", value: try s.typeName(), rule: "must be a JSON object")
                }
                do { f.replacement = try correction(&s) } catch { throw error.within("replacement") }
            case .representing: f.representing = try id(&s, "representing")
            case .role:
                let token = try s.stringToken("role")
                f.affiliationRole = try s.lookup(token, AffiliationRole.self)
                f.consortiumRole = try s.lookup(token, ConsortiumRole.self)
                guard f.affiliationRole != nil || f.consortiumRole != nil else {
                    throw EventFormatError(field: "role", value: try s.string(token),
                                           rule: "must be one of: \(AffiliationRole.allCases.map(\.rawValue).joined(separator: ", ")) (school.affiliated) or \(ConsortiumRole.allCases.map(\.rawValue).joined(separator: ", ")) (consortium.joined)")
                }
            case .school: f.school = try id(&s, "school")
            case .schools: f.schools = try ids(&s, "schools")
            case .target:
                let target = try s.integer("target")
                guard target >= 1 else {
                    throw EventFormatError(field: "target", value: String(target), rule: "must be a log position (seq >= 1)")
                }
                f.target = target
            case .tremplins: f.tremplins = try count(&s, "tremplins")
            case .until: f.until = try day(&s, "until")
            }
        }
    }

    /// Reads a replacement whose `{` was consumed, as `Correction(json:)` does.
    static func correction(_ s: inout CanonicalScanner) throws(EventFormatError) -> Correction {
        var seen: UInt32 = 0
        var kind: Kind?
        var schema: Int64?
        var date: (date: PartialDate, month: Int, day: Int)?
        var precision: DatePrecision?
        var payload = PayloadFields()
        var hasPayload = false
        var first = true
        var expected = CorrectionKey.effective as CorrectionKey?
        while let member = try s.nextMember(&first, expecting: expected) {
            let key = try known(member, s, CorrectionKey.self)
            expected = CorrectionKey(rawValue: key.rawValue + 1)
            guard seen & key.bit == 0 else { throw duplicateKey(key.literal, s) }
            seen |= key.bit
            if try s.consumeNull() { continue }
            switch key {
            case .effective:
                date = try s.dateValue("effective")
            case .payload:
                guard s.consume(UInt8(ascii: "{")) else {
                    throw EventFormatError(field: "payload", value: try s.typeName(), rule: "must be a JSON object")
                }
                do { try readPayload(&s, into: &payload, nested: true) } catch { throw error.within("payload") }
                hasPayload = true
            case .precision:
                precision = try s.choiceValue("precision", DatePrecision.self)
            case .schema:
                schema = try s.integer("schema")
            case .type:
                kind = try Kind.read(&s)
            }
        }
        guard let kind else { throw EventFormatError(field: "type", rule: "is required") }
        let version = try schema.map { schema throws(EventFormatError) in try kind.checkVersion(schema, field: "schema") } ?? 1
        guard let date else { throw EventFormatError(field: "effective", rule: "is required") }
        guard hasPayload else { throw EventFormatError(field: "payload", rule: "is required") }
        guard !kind.isCorrection else {
            throw EventFormatError(field: "type", value: kind.name, rule: "a replacement cannot itself be a correction")
        }
        let event: Event
        do { event = try makeEvent(kind, version: version, &payload) } catch { throw error.within("payload") }
        return Correction(event: event, effective: date.date.day, precision: precision ?? date.date.precision, schema: version)
    }

    // MARK: Member readers

    private static func id(_ s: inout CanonicalScanner, _ field: String) throws(EventFormatError) -> EntityID {
        try s.entityID(try s.stringToken(field, rule: "must be a string id"), field: field)
    }

    private static func day(_ s: inout CanonicalScanner, _ field: String) throws(EventFormatError) -> Day {
        try JSONFields.fullDay(s.dateValue(field).date, field: field)
    }

    /// A count of a call's results: a whole number from 0 to 100000.
    private static func count(_ s: inout CanonicalScanner, _ field: String) throws(EventFormatError) -> Int {
        let rule = "must be a whole number from 0 to 100000"
        guard try s.valueStart() == .number else { throw EventFormatError(field: field, value: try s.typeName(), rule: rule) }
        let number = try s.scanInteger()
        guard number >= 0, number <= 100_000 else { throw EventFormatError(field: field, value: String(number), rule: rule) }
        return Int(number)
    }

    /// An array of texts (other names, home institutions), each at most 300 characters.
    private static func strings(_ s: inout CanonicalScanner, _ field: String) throws(EventFormatError) -> [String] {
        guard s.consume(UInt8(ascii: "[")) else {
            throw EventFormatError(field: field, value: try s.typeName(), rule: "must be an array of strings")
        }
        var result: [String] = []
        var first = true
        while try s.nextElement(&first) {
            do { result.append(try s.text(try s.stringToken(""), field: "", maximum: 300)) } catch {
                throw EventFormatError(field: "\(field)[\(result.count)]", value: error.value, rule: error.rule)
            }
        }
        return result
    }

    /// An array of entity ids (the schools a merger joins).
    private static func ids(_ s: inout CanonicalScanner, _ field: String) throws(EventFormatError) -> [EntityID] {
        guard s.consume(UInt8(ascii: "[")) else {
            throw EventFormatError(field: field, value: try s.typeName(), rule: "must be an array of ids")
        }
        var result: [EntityID] = []
        var first = true
        while try s.nextElement(&first) {
            do { result.append(try s.entityID(try s.stringToken("", rule: "must be a string id"), field: "")) } catch {
                throw EventFormatError(field: "\(field)[\(result.count)]", value: error.value, rule: error.rule)
            }
        }
        return result
    }
}
