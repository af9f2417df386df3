/// Reads the layout `StateCodec` documents back into a `RegistryState`, refusing anything else.
struct CheckpointDecoder {
    private var reader: ByteReader
    /// The identifier table, which every reference indexes.
    private var ids: [EntityID] = []

    init(_ bytes: UnsafeRawBufferPointer) { reader = ByteReader(bytes) }

    mutating func decodeState() throws(StateCodecError) -> RegistryState {
        let magic = try reader.readByte()
        guard magic == StateCodec.magic else { throw .notACheckpoint(found: magic) }
        let version = try reader.readByte()
        guard version == StateCodec.formatVersion || version == StateCodec.ungroupedOfficesVersion else {
            throw .unsupportedVersion(found: version, expected: StateCodec.formatVersion)
        }
        let idCount = try reader.readCount()
        ids.reserveCapacity(idCount)
        for _ in 0..<idCount { ids.append(try reader.readEntityID()) }

        var state = RegistryState()
        // Each section is a count, then that many entries of a key reference and a record; a dictionary
        // that does not grow by one took a duplicate key. The loops are written out rather than shared
        // through a generic helper taking a closure, which in this hot path copied records through value
        // witnesses.
        var count = try reader.readCount()
        state.institutes.reserveCapacity(count)
        for index in 0..<count {
            let key = try readRef()
            state.institutes[key] = try readInstitute()
            guard state.institutes.count == index + 1 else { throw .duplicateKey(field: "institutes", id: key) }
        }
        count = try reader.readCount()
        state.schools.reserveCapacity(count)
        for index in 0..<count {
            let key = try readRef()
            state.schools[key] = try readSchool()
            guard state.schools.count == index + 1 else { throw .duplicateKey(field: "schools", id: key) }
        }
        count = try reader.readCount()
        state.people.reserveCapacity(count)
        for index in 0..<count {
            let key = try readRef()
            state.people[key] = PersonRecord(id: try readRef(), name: try reader.readString(),
                                             alsoKnownAs: try reader.readStrings())
            guard state.people.count == index + 1 else { throw .duplicateKey(field: "people", id: key) }
        }
        count = try reader.readCount()
        state.offices.reserveCapacity(count)
        let officesOffset = reader.offset
        for _ in 0..<count { state.offices.append(try readOfficeHolding()) }
        if version == StateCodec.ungroupedOfficesVersion {
            // Stable: within an office, the order of appointment the old format kept.
            state.offices = Office.allCases.flatMap { office in state.offices.filter { $0.office == office } }
        } else if !state.officesAreGrouped {
            throw .officesOutOfOrder(offset: officesOffset)
        }
        count = try reader.readCount()
        state.consortia.reserveCapacity(count)
        for index in 0..<count {
            let key = try readRef()
            var consortium = ConsortiumRecord(id: try readRef(), name: try reader.readString(), formed: try readDay())
            consortium.members = try readConsortiumMembers()
            state.consortia[key] = consortium
            guard state.consortia.count == index + 1 else { throw .duplicateKey(field: "consortia", id: key) }
        }
        count = try reader.readCount()
        state.calls.reserveCapacity(count)
        for index in 0..<count {
            let key = try readRef()
            state.calls[key] = try readCall()
            guard state.calls.count == index + 1 else { throw .duplicateKey(field: "calls", id: key) }
        }
        guard reader.isAtEnd else { throw .trailingBytes(count: reader.remaining, offset: reader.offset) }
        return state
    }

    /// A count, then that many entries of an institute reference and an affiliation role code.
    private mutating func readAffiliations() throws(StateCodecError) -> [EntityID: AffiliationRole] {
        let count = try reader.readCount()
        guard count > 0 else { return [:] }
        var roles = [EntityID: AffiliationRole](minimumCapacity: count)
        for index in 0..<count {
            let key = try readRef()
            roles[key] = try readCode("school affiliation role") { AffiliationRole(checkpointCode: $0) }
            guard roles.count == index + 1 else { throw .duplicateKey(field: "school affiliations", id: key) }
        }
        return roles
    }

    /// A count, then that many entries of an institute reference and a consortium role code.
    private mutating func readConsortiumMembers() throws(StateCodecError) -> [EntityID: ConsortiumRole] {
        let count = try reader.readCount()
        guard count > 0 else { return [:] }
        var roles = [EntityID: ConsortiumRole](minimumCapacity: count)
        for index in 0..<count {
            let key = try readRef()
            roles[key] = try readCode("consortium role") { ConsortiumRole(checkpointCode: $0) }
            guard roles.count == index + 1 else { throw .duplicateKey(field: "consortium members", id: key) }
        }
        return roles
    }

    private mutating func readInstitute() throws(StateCodecError) -> InstituteRecord {
        var institute = InstituteRecord(id: try readRef(), name: try reader.readString(),
                                        homeInstitutions: try reader.readStrings(), registered: try readDay())
        institute.director = try readOptionalRef()
        let termCount = try reader.readCount()
        if termCount > 0 {
            institute.terms.reserveCapacity(termCount)
            for _ in 0..<termCount { institute.terms.append(try readTerm()) }
        }
        institute.notRenewedIn = try readRefs()
        return institute
    }

    private mutating func readTerm() throws(StateCodecError) -> LabelTerm {
        let start = reader.offset
        let flags = try reader.readByte()
        guard flags & 0b1110_0000 == 0, let kind = LabelKind(checkpointCode: flags & 0b11) else {
            throw .unknownCode(field: "label term flags", value: UInt64(flags), offset: start)
        }
        let call = try readRef()
        let from = try readDay()
        let until = try readDay()
        let withdrawal = flags & (1 << 4) != 0 ? try reader.readString() : nil
        return LabelTerm(kind: kind, call: call, from: from, until: until, probation: flags & (1 << 2) != 0,
                         renewal: flags & (1 << 3) != 0, withdrawal: withdrawal)
    }

    private mutating func readSchool() throws(StateCodecError) -> SchoolRecord {
        var school = SchoolRecord(id: try readRef(), name: try reader.readString(),
                                  parent: try reader.readOptionalString(), registered: try readDay())
        school.affiliations = try readAffiliations()
        school.mergedInto = try readOptionalRef()
        school.mergedFrom = try readRefs()
        return school
    }

    private mutating func readOfficeHolding() throws(StateCodecError) -> OfficeHolding {
        let office = try readCode("office") { Office(checkpointCode: $0) }
        return OfficeHolding(office: office, person: try readRef(), representing: try readOptionalRef(),
                             since: try readDay(),
                             sincePrecision: try readCode("office precision") { DatePrecision(checkpointCode: $0) })
    }

    private mutating func readCall() throws(StateCodecError) -> CallRecord {
        let id = try readRef()
        let name = try reader.readString()
        let opened = try readDay()
        let start = reader.offset
        let flags = try reader.readByte()
        guard flags & ~0b111 == 0 else { throw .unknownCode(field: "call flags", value: UInt64(flags), offset: start) }
        var call = CallRecord(id: id, name: name, opened: opened, closes: flags & 1 != 0 ? try readDay() : nil)
        if flags & (1 << 1) != 0 { call.results = try readCounts() }
        if flags & (1 << 2) != 0 {
            call.announced = PartialDate(day: try readDay(),
                                         precision: try readCode("announced precision") { DatePrecision(checkpointCode: $0) })
        }
        return call
    }

    private mutating func readCounts() throws(StateCodecError) -> CallCounts {
        let start = reader.offset
        let presence = try reader.readByte()
        guard presence & ~0b1_1111 == 0 else {
            throw .unknownCode(field: "call counts presence", value: UInt64(presence), offset: start)
        }
        var counts = CallCounts(labelled: try reader.readInt("labelled count"))
        if presence & 1 != 0 { counts.renewed = try reader.readInt("renewed count") }
        if presence & (1 << 1) != 0 { counts.new = try reader.readInt("new count") }
        if presence & (1 << 2) != 0 { counts.notRenewed = try reader.readInt("not renewed count") }
        if presence & (1 << 3) != 0 { counts.tremplins = try reader.readInt("tremplins count") }
        if presence & (1 << 4) != 0 { counts.probation = try reader.readInt("probation count") }
        return counts
    }

    private mutating func readCode<Value>(
        _ field: String, _ decode: (UInt8) -> Value?
    ) throws(StateCodecError) -> Value {
        let start = reader.offset
        let code = try reader.readByte()
        guard let value = decode(code) else { throw .unknownCode(field: field, value: UInt64(code), offset: start) }
        return value
    }

    private mutating func readDay() throws(StateCodecError) -> Day { Day(ordinal: try reader.readInt32("day")) }

    private mutating func readRef() throws(StateCodecError) -> EntityID {
        let start = reader.offset
        let index = try reader.readVarint("identifier reference")
        guard index < UInt64(ids.count) else {
            throw .unknownReference(index: index, tableSize: ids.count, offset: start)
        }
        return ids[Int(index)]
    }

    /// 0 for nil, else the table index plus one.
    private mutating func readOptionalRef() throws(StateCodecError) -> EntityID? {
        let start = reader.offset
        let tag = try reader.readVarint("identifier reference")
        guard tag != 0 else { return nil }
        guard tag - 1 < UInt64(ids.count) else {
            throw .unknownReference(index: tag - 1, tableSize: ids.count, offset: start)
        }
        return ids[Int(tag - 1)]
    }

    private mutating func readRefs() throws(StateCodecError) -> [EntityID] {
        let count = try reader.readCount()
        guard count > 0 else { return [] }
        var refs: [EntityID] = []
        refs.reserveCapacity(count)
        for _ in 0..<count { refs.append(try readRef()) }
        return refs
    }
}
