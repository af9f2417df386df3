extension Event {
    /// The payload as a JSON object in the type's current schema version.
    public var payloadJSON: JSONValue { payloadJSON(version: EventSchema.version(of: typeName)) }

    /// The payload as a JSON object written in schema `version` (without the type name, which travels in
    /// the envelope). An event read from an older version is written back in that version, byte for byte,
    /// so its hash still verifies: the log is upcast on read and never rewritten.
    public func payloadJSON(version: Int) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        func set(_ key: String, _ id: EntityID) { fields[key] = .string(id.rawValue) }
        func set(_ key: String, _ text: String?) { if let text { fields[key] = .string(text) } }
        func set(_ key: String, _ day: Day?) { if let day { fields[key] = .string(day.description) } }
        func set(_ key: String, _ count: Int?) { if let count { fields[key] = .integer(Int64(count)) } }
        switch self {
        case .instituteRegistered(let institute, let name, let homes):
            set("institute", institute); set("name", name)
            fields["homeInstitutions"] = .array(homes.map { .string($0) })
        case .instituteRenamed(let institute, let name):
            set("institute", institute); set("name", name)
        case .directorAppointed(let institute, let person):
            set("institute", institute); set("person", person)
        case .callOpened(let call, let name, let closes):
            set("call", call); set("name", name); set("closes", closes)
        case .callResultsAnnounced(let call, let counts):
            set("call", call); set("labelled", counts.labelled); set("renewed", counts.renewed)
            set("new", counts.new); set("notRenewed", counts.notRenewed); set("tremplins", counts.tremplins)
            set("probation", counts.probation)
        case .labelGranted(let institute, let kind, let call, let from, let until, let probation):
            set("institute", institute); set("kind", kind.rawValue); set("call", call)
            set("from", from); set("until", until); fields["probation"] = .bool(probation)
        case .labelRenewed(let institute, let call, let from, let until):
            set("institute", institute); set("call", call); set("from", from); set("until", until)
        case .labelExtended(let institute, let until):
            set("institute", institute); set("until", until)
        case .labelWithdrawn(let institute, let reason):
            set("institute", institute); set("reason", reason)
        case .labelNotRenewed(let institute, let call, let reason):
            set("institute", institute); set("call", call); set("reason", reason)
        case .schoolRegistered(let school, let name, let parent):
            set("school", school); set("name", name); set("parent", parent)
        case .schoolRenamed(let school, let name):
            set("school", school); set("name", name)
        case .schoolParentChanged(let school, let parent):
            set("school", school); set("parent", parent)
        case .schoolsMerged(let schools, let into, let name, let parent):
            fields["schools"] = .array(schools.map { .string($0.rawValue) })
            set("into", into); set("name", name); set("parent", parent)
        case .schoolAffiliated(let school, let institute, let role):
            set("school", school); set("institute", institute); set("role", role.rawValue)
        case .schoolDisaffiliated(let school, let institute):
            set("school", school); set("institute", institute)
        case .personRegistered(let person, let name, let aliases):
            set("person", person); set("name", name)
            if version >= 2 { fields["alsoKnownAs"] = .array(aliases.map { .string($0) }) }
        case .officeHolderAppointed(let person, let office, let representing):
            set("person", person); set("office", office.rawValue)
            if let representing { set("representing", representing) }
        case .officeHolderLeft(let person, let office):
            set("person", person); set("office", office.rawValue)
        case .consortiumFormed(let consortium, let name):
            set("consortium", consortium); set("name", name)
        case .consortiumJoined(let consortium, let institute, let role):
            set("consortium", consortium); set("institute", institute); set("role", role.rawValue)
        case .consortiumLeft(let consortium, let institute):
            set("consortium", consortium); set("institute", institute)
        case .eventRetracted(let target, let reason):
            fields["target"] = .integer(target); set("reason", reason)
        case .eventCorrected(let target, let reason, let replacement):
            fields["target"] = .integer(target); set("reason", reason)
            var nested: [String: JSONValue] = [
                "type": .string(replacement.event.typeName),
                "effective": .string(replacement.effective.description),
                "precision": .string(replacement.precision.rawValue),
                "payload": replacement.event.payloadJSON(version: replacement.schema),
            ]
            // Written only past version 1, so corrections recorded before versions existed keep their bytes.
            if replacement.schema != 1 { nested["schema"] = .integer(Int64(replacement.schema)) }
            fields["replacement"] = .object(nested)
        }
        return .object(fields)
    }

    /// Decodes the payload of an event of type `type` written in schema `version` (by default the
    /// current one), upcasting an older version to the current model.
    /// - Throws: `EventFormatError` naming the payload field and the rule, for an unknown type, a missing
    ///   or unknown field, or a value of the wrong kind.
    public init(type: String, payload: JSONValue, version: Int? = nil) throws(EventFormatError) {
        guard Self.typeNames.contains(type) else {
            throw EventFormatError(field: "type", value: type,
                                   rule: "unknown event type; known types: \(Self.typeNames.joined(separator: ", "))")
        }
        do {
            var fields = try JSONFields(payload)
            self = try Self.decode(type: type, version: version ?? EventSchema.version(of: type), &fields)
            try fields.rejectUnknown()
        } catch {
            throw error.within("payload")
        }
    }

    private static func decode(type: String, version: Int, _ f: inout JSONFields) throws(EventFormatError) -> Event {
        switch type {
        case "institute.registered":
            return .instituteRegistered(institute: try f.id("institute"), name: try f.string("name", maximum: 300),
                                        homeInstitutions: try f.strings("homeInstitutions"))
        case "institute.renamed":
            return .instituteRenamed(institute: try f.id("institute"), name: try f.string("name", maximum: 300))
        case "institute.directorAppointed":
            return .directorAppointed(institute: try f.id("institute"), person: try f.id("person"))
        case "call.opened":
            return .callOpened(call: try f.id("call"), name: try f.string("name", maximum: 300),
                               closes: try f.optionalDay("closes"))
        case "call.resultsAnnounced":
            let call = try f.id("call")
            guard let labelled = try f.optionalCount("labelled") else {
                throw EventFormatError(field: "labelled", rule: "is required")
            }
            return .callResultsAnnounced(call: call, counts: CallCounts(
                labelled: labelled, renewed: try f.optionalCount("renewed"), new: try f.optionalCount("new"),
                notRenewed: try f.optionalCount("notRenewed"), tremplins: try f.optionalCount("tremplins"),
                probation: try f.optionalCount("probation")))
        case "label.granted":
            return .labelGranted(institute: try f.id("institute"), kind: try f.choice("kind", LabelKind.self),
                                 call: try f.id("call"), from: try f.day("from"), until: try f.day("until"),
                                 probation: try f.bool("probation", default: false))
        case "label.renewed":
            return .labelRenewed(institute: try f.id("institute"), call: try f.id("call"),
                                 from: try f.day("from"), until: try f.day("until"))
        case "label.extended":
            return .labelExtended(institute: try f.id("institute"), until: try f.day("until"))
        case "label.withdrawn":
            return .labelWithdrawn(institute: try f.id("institute"), reason: try f.string("reason"))
        case "label.notRenewed":
            return .labelNotRenewed(institute: try f.id("institute"), call: try f.id("call"),
                                    reason: try f.optionalString("reason"))
        case "school.registered":
            return .schoolRegistered(school: try f.id("school"), name: try f.string("name", maximum: 300),
                                     parent: try f.optionalString("parent", maximum: 300))
        case "school.renamed":
            return .schoolRenamed(school: try f.id("school"), name: try f.string("name", maximum: 300))
        case "school.parentChanged":
            return .schoolParentChanged(school: try f.id("school"), parent: try f.string("parent", maximum: 300))
        case "schools.merged":
            return .schoolsMerged(schools: try f.ids("schools"), into: try f.id("into"),
                                  name: try f.string("name", maximum: 300),
                                  parent: try f.optionalString("parent", maximum: 300))
        case "school.affiliated":
            return .schoolAffiliated(school: try f.id("school"), institute: try f.id("institute"),
                                     role: try f.choice("role", AffiliationRole.self))
        case "school.disaffiliated":
            return .schoolDisaffiliated(school: try f.id("school"), institute: try f.id("institute"))
        case "person.registered":
            // Version 1 had no alsoKnownAs: it reads as none (and the field is unknown there).
            return .personRegistered(person: try f.id("person"), name: try f.string("name", maximum: 300),
                                     alsoKnownAs: version >= 2 ? try f.strings("alsoKnownAs") : [])
        case "office.appointed":
            return .officeHolderAppointed(person: try f.id("person"), office: try f.choice("office", Office.self),
                                          representing: try f.optionalID("representing"))
        case "office.left":
            return .officeHolderLeft(person: try f.id("person"), office: try f.choice("office", Office.self))
        case "consortium.formed":
            return .consortiumFormed(consortium: try f.id("consortium"), name: try f.string("name", maximum: 300))
        case "consortium.joined":
            return .consortiumJoined(consortium: try f.id("consortium"), institute: try f.id("institute"),
                                     role: try f.optionalChoice("role", ConsortiumRole.self) ?? .member)
        case "consortium.left":
            return .consortiumLeft(consortium: try f.id("consortium"), institute: try f.id("institute"))
        case "event.retracted":
            return .eventRetracted(target: try target(&f), reason: try f.string("reason"))
        case "event.corrected":
            let target = try target(&f)
            let reason = try f.string("reason")
            let replacement: Correction
            do { replacement = try Correction(json: try f.required("replacement")) } catch {
                throw error.within("replacement")
            }
            return .eventCorrected(target: target, reason: reason, replacement: replacement)
        default:
            // `init(type:payload:version:)` refuses unknown types before decoding.
            preconditionFailure("Event.typeNames lists '\(type)' but decode(type:) does not handle it")
        }
    }

    private static func target(_ f: inout JSONFields) throws(EventFormatError) -> Int64 {
        let target = try f.integer("target")
        guard target >= 1 else {
            throw EventFormatError(field: "target", value: String(target), rule: "must be a log position (seq >= 1)")
        }
        return target
    }
}

extension Correction {
    init(json: JSONValue) throws(EventFormatError) {
        var fields = try JSONFields(json)
        let type = try fields.string("type", maximum: 64)
        let schema = try fields.raw("schema").map { value throws(EventFormatError) in
            try EventSchema.checkVersion(value, type: type, field: "schema")
        } ?? 1
        let date = try fields.date("effective")
        let precision = try fields.optionalChoice("precision", DatePrecision.self) ?? date.precision
        let event = try Event(type: type, payload: try fields.required("payload"), version: schema)
        try fields.rejectUnknown()
        guard !event.isCorrection else {
            throw EventFormatError(field: "type", value: type, rule: "a replacement cannot itself be a correction")
        }
        self.init(event: event, effective: date.day, precision: precision, schema: schema)
    }
}
