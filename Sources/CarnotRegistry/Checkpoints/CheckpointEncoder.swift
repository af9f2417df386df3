/// Writes a `RegistryState` in the layout `StateCodec` documents.
struct CheckpointEncoder {
    private var writer: ByteWriter
    /// Each identifier of the state and its position in the (ascending) identifier table.
    private let identifiers: CheckpointIdentifiers

    static func encode(_ state: RegistryState) -> [UInt8] {
        var encoder = CheckpointEncoder(state)
        encoder.writeRecords(of: state)
        return encoder.writer.bytes
    }

    private init(_ state: RegistryState) {
        identifiers = Self.identifiers(of: state)
        let table = identifiers.ascending
        // A rough size, so that the array grows at most once or twice.
        let records = state.institutes.count + state.schools.count + state.people.count + state.consortia.count
        writer = ByteWriter(capacity: 64 + table.count * 16 + records * 40 + state.offices.count * 8)
        writer.write(byte: StateCodec.magic)
        writer.write(byte: StateCodec.formatVersion)
        writer.write(count: table.count)
        for id in table { writer.write(string: id.rawValue) }
    }

    /// Every identifier the state mentions, as a key, a record id or a reference, sorted.
    private static func identifiers(of state: RegistryState) -> CheckpointIdentifiers {
        let records = state.institutes.count + state.schools.count + state.people.count + state.consortia.count
            + state.calls.count
        var ids = CheckpointIdentifiers(expected: records + records / 4)
        for (key, institute) in state.institutes {
            ids.insert(key)
            ids.insert(institute.id)
            if let director = institute.director { ids.insert(director) }
            for term in institute.terms { ids.insert(term.call) }
            ids.insert(contentsOf: institute.notRenewedIn)
        }
        for (key, school) in state.schools {
            ids.insert(key)
            ids.insert(school.id)
            ids.insert(contentsOf: school.affiliations.keys)
            if let into = school.mergedInto { ids.insert(into) }
            ids.insert(contentsOf: school.mergedFrom)
        }
        for (key, person) in state.people {
            ids.insert(key)
            ids.insert(person.id)
        }
        for holding in state.offices {
            ids.insert(holding.person)
            if let representing = holding.representing { ids.insert(representing) }
        }
        for (key, consortium) in state.consortia {
            ids.insert(key)
            ids.insert(consortium.id)
            ids.insert(contentsOf: consortium.members.keys)
        }
        for (key, call) in state.calls {
            ids.insert(key)
            ids.insert(call.id)
        }
        ids.seal()
        return ids
    }

    private mutating func writeRecords(of state: RegistryState) {
        for index in writingCount(sortedByKey: state.institutes) {
            write(ref: state.institutes[index].key)
            write(state.institutes[index].value)
        }
        for index in writingCount(sortedByKey: state.schools) {
            write(ref: state.schools[index].key)
            write(state.schools[index].value)
        }
        for index in writingCount(sortedByKey: state.people) {
            let (key, person) = state.people[index]
            write(ref: key)
            write(ref: person.id)
            writer.write(string: person.name)
            writer.write(strings: person.alsoKnownAs)
        }
        writer.write(count: state.offices.count)
        for holding in state.offices { write(holding) }
        for index in writingCount(sortedByKey: state.consortia) {
            let (key, consortium) = state.consortia[index]
            write(ref: key)
            write(ref: consortium.id)
            writer.write(string: consortium.name)
            write(day: consortium.formed)
            write(consortium.members, code: \.checkpointCode)
        }
        for index in writingCount(sortedByKey: state.calls) {
            write(ref: state.calls[index].key)
            write(state.calls[index].value)
        }
    }

    /// Writes the entry count and returns the dictionary's indices in ascending key order, sorting table
    /// positions (which are in key order) so that no strings are compared and no records copied to sort.
    private mutating func writingCount<Value>(sortedByKey dictionary: [EntityID: Value])
        -> [Dictionary<EntityID, Value>.Index] {
        writer.write(count: dictionary.count)
        var order: [(position: Int, index: Dictionary<EntityID, Value>.Index)] = []
        order.reserveCapacity(dictionary.count)
        var index = dictionary.startIndex
        while index != dictionary.endIndex {
            order.append((identifiers.position(of: dictionary[index].key), index))
            dictionary.formIndex(after: &index)
        }
        order.sort { $0.position < $1.position }
        return order.map(\.index)
    }

    private mutating func write<Role>(_ dictionary: [EntityID: Role], code: (Role) -> UInt8) {
        for index in writingCount(sortedByKey: dictionary) {
            write(ref: dictionary[index].key)
            writer.write(byte: code(dictionary[index].value))
        }
    }

    private mutating func write(_ institute: InstituteRecord) {
        write(ref: institute.id)
        writer.write(string: institute.name)
        writer.write(strings: institute.homeInstitutions)
        write(day: institute.registered)
        write(optionalRef: institute.director)
        writer.write(count: institute.terms.count)
        for term in institute.terms {
            var flags = term.kind.checkpointCode
            if term.probation { flags |= 1 << 2 }
            if term.renewal { flags |= 1 << 3 }
            if term.withdrawal != nil { flags |= 1 << 4 }
            writer.write(byte: flags)
            write(ref: term.call)
            write(day: term.from)
            write(day: term.until)
            if let withdrawal = term.withdrawal { writer.write(string: withdrawal) }
        }
        write(refs: institute.notRenewedIn)
    }

    private mutating func write(_ school: SchoolRecord) {
        write(ref: school.id)
        writer.write(string: school.name)
        writer.write(optionalString: school.parent)
        write(day: school.registered)
        write(school.affiliations, code: \.checkpointCode)
        write(optionalRef: school.mergedInto)
        write(refs: school.mergedFrom)
    }

    private mutating func write(_ holding: OfficeHolding) {
        writer.write(byte: holding.office.checkpointCode)
        write(ref: holding.person)
        write(optionalRef: holding.representing)
        write(day: holding.since)
        writer.write(byte: holding.sincePrecision.checkpointCode)
    }

    private mutating func write(_ call: CallRecord) {
        write(ref: call.id)
        writer.write(string: call.name)
        write(day: call.opened)
        var flags: UInt8 = 0
        if call.closes != nil { flags |= 1 }
        if call.results != nil { flags |= 1 << 1 }
        if call.announced != nil { flags |= 1 << 2 }
        writer.write(byte: flags)
        if let closes = call.closes { write(day: closes) }
        if let results = call.results { write(results) }
        if let announced = call.announced {
            write(day: announced.day)
            writer.write(byte: announced.precision.checkpointCode)
        }
    }

    private mutating func write(_ counts: CallCounts) {
        let optionals = [counts.renewed, counts.new, counts.notRenewed, counts.tremplins, counts.probation]
        var presence: UInt8 = 0
        for (bit, value) in optionals.enumerated() where value != nil { presence |= 1 << bit }
        writer.write(byte: presence)
        writer.write(signed: Int64(counts.labelled))
        for value in optionals { if let value { writer.write(signed: Int64(value)) } }
    }

    private mutating func write(ref id: EntityID) { writer.write(count: identifiers.position(of: id)) }

    private mutating func write(optionalRef id: EntityID?) {
        guard let id else { return writer.write(byte: 0) }
        writer.write(count: identifiers.position(of: id) + 1)
    }

    private mutating func write(refs ids: [EntityID]) {
        writer.write(count: ids.count)
        for id in ids { write(ref: id) }
    }

    private mutating func write(day: Day) { writer.write(signed: Int64(day.ordinal)) }
}
