import Foundation
import Testing
@testable import CarnotRegistry

/// Checkpoints decode to exactly the state encoded, encode deterministically, and refuse anything else.
struct StateCodecTests {
    static let events = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Events").path

    /// The bundled history, read once: importing it verifies the chain, which the tests need not repeat.
    static let history: [RecordedEvent] = {
        do {
            let store = try EventStore(path: ":memory:")
            _ = try store.importLog(try LogFile.read(events))
            return try store.events()
        } catch {
            Issue.record("the bundled history did not load: \(error)")
            return []
        }
    }()

    static func bundledState(at text: String) throws -> RegistryState {
        Timeline.state(of: history, at: try PartialDate(parsing: text).day)
    }

    // MARK: Exact round trip

    @Test(arguments: ["1999-01-01", "2006-12-31", "2011-04-28", "2016-07-06", "2017-01-01", "2020-02-07", "2026-11-21"])
    func aStateFoldedFromTheBundledHistoryDecodesToItself(_ day: String) throws {
        let state = try Self.bundledState(at: day)
        #expect(try StateCodec.decode(StateCodec.encode(state)) == state)
    }

    @Test func theBundledHistoryIn2026HoldsEveryKindOfRecord() throws {
        let state = try Self.bundledState(at: "2026-11-21")
        #expect(!state.institutes.isEmpty && !state.schools.isEmpty && !state.people.isEmpty)
        #expect(!state.offices.isEmpty && !state.consortia.isEmpty && !state.calls.isEmpty)
    }

    @Test(arguments: 0..<200)
    func aRandomStateDecodesToItself(_ seed: Int) throws {
        var random = SeededGenerator(seed: 0xC0DEC + UInt64(seed))
        let state = RandomState.make(using: &random)
        let bytes = StateCodec.encode(state)
        #expect(try StateCodec.decode(bytes) == state)
        #expect(bytes.withUnsafeBytes { raw in (try? StateCodec.decode(raw)) == state })
    }

    @Test(arguments: 0..<5)
    func aRandomStateOfHundredsOfRecordsDecodesToItself(_ seed: Int) throws {
        // Hundreds of identifiers and records: references, counts and lengths of two and three bytes.
        var random = SeededGenerator(seed: 0xB16 + UInt64(seed))
        let state = RandomState.make(using: &random, scale: 400)
        let bytes = StateCodec.encode(state)
        #expect(bytes[2] & 0x80 != 0, "the identifier table holds 128 or more identifiers")
        #expect(try StateCodec.decode(bytes) == state)
    }

    @Test func theRandomStatesCoverEveryOptionalAndEveryEnumerationCase() {
        var random = SeededGenerator(seed: 0xC0DEC)
        var states: [RegistryState] = []
        for _ in 0..<20 { states.append(RandomState.make(using: &random)) }
        let institutes = states.flatMap(\.institutes.values)
        let terms = institutes.flatMap(\.terms)
        let schools = states.flatMap(\.schools.values)
        let calls = states.flatMap(\.calls.values)
        let offices = states.flatMap(\.offices)
        #expect(Set(terms.map(\.kind)) == Set(LabelKind.allCases))
        #expect(Set(terms.map(\.probation)).count == 2 && Set(terms.map(\.renewal)).count == 2)
        #expect(terms.contains { $0.withdrawal == nil } && terms.contains { $0.withdrawal != nil })
        #expect(institutes.contains { $0.director == nil } && institutes.contains { $0.director != nil })
        #expect(Set(schools.flatMap(\.affiliations.values)) == Set(AffiliationRole.allCases))
        #expect(schools.contains { $0.parent == nil } && schools.contains { $0.parent != nil })
        #expect(schools.contains { $0.mergedInto == nil } && schools.contains { $0.mergedInto != nil })
        #expect(schools.contains { $0.mergedFrom.count > 1 })
        #expect(Set(offices.map(\.office)) == Set(Office.allCases))
        #expect(Set(offices.map(\.sincePrecision)) == Set(DatePrecision.allCases))
        #expect(offices.contains { $0.representing == nil } && offices.contains { $0.representing != nil })
        #expect(Set(states.flatMap { $0.consortia.values.flatMap(\.members.values) }) == Set(ConsortiumRole.allCases))
        #expect(calls.contains { $0.closes == nil } && calls.contains { $0.closes != nil })
        #expect(Set(calls.compactMap(\.announced?.precision)) == Set(DatePrecision.allCases))
        #expect(calls.contains { $0.announced == nil } && calls.contains { $0.results == nil })
        let counts = calls.compactMap(\.results)
        #expect(counts.contains { $0.renewed == nil } && counts.contains { $0.renewed != nil })
        #expect(counts.contains { $0.probation == nil } && counts.contains { $0.probation != nil })
    }

    @Test func theOrderOfOfficesAndOfMergedSchoolsIsKept() throws {
        let id = { (text: String) in EntityID(text)! }
        var state = RegistryState()
        var school = SchoolRecord(id: id("imt-atlantique"), name: "IMT Atlantique", parent: nil,
                                  registered: Day(ordinal: 17_167))
        school.mergedFrom = [id("telecom-bretagne"), id("mines-nantes"), id("a")]
        state.schools[school.id] = school
        for (office, person) in [(Office.president, "alice"), (.treasurer, "zoe"), (.treasurer, "adam"), (.boardMember, "bob")] {
            state.offices.append(OfficeHolding(office: office, person: id(person), representing: nil,
                                               since: Day(ordinal: 14_000), sincePrecision: .month))
        }
        let decoded = try StateCodec.decode(StateCodec.encode(state))
        #expect(decoded.offices.map(\.person.rawValue) == ["alice", "zoe", "adam", "bob"])
        #expect(decoded.schools[id("imt-atlantique")]?.mergedFrom.map(\.rawValue) == ["telecom-bretagne", "mines-nantes", "a"])
    }

    @Test func aVersionOneCheckpointDecodesWithItsOfficesGroupedAndVersionTwoRefusesThemUngrouped() throws {
        var state = RegistryState()
        // In the order of appointment across offices, as format 1 kept them.
        for (office, person) in [(Office.treasurer, "zoe"), (.president, "alice"), (.treasurer, "adam"), (.boardMember, "bob")] {
            state.offices.append(OfficeHolding(office: office, person: EntityID(person)!, representing: nil,
                                               since: Day(ordinal: 14_000), sincePrecision: .day))
        }
        var bytes = StateCodec.encode(state)
        bytes[1] = 1

        #expect(try StateCodec.decode(bytes).offices.map(\.person.rawValue) == ["alice", "zoe", "adam", "bob"])
        bytes[1] = StateCodec.formatVersion
        let error = #expect(throws: StateCodecError.self) { try StateCodec.decode(bytes) }
        guard case .officesOutOfOrder? = error else {
            Issue.record("expected the holdings to be refused as out of order, got \(String(describing: error))")
            return
        }
    }

    @Test func aDictionaryKeyThatIsNotItsRecordsIdIsKept() throws {
        var state = RegistryState()
        state.people[EntityID("alias")!] = PersonRecord(id: EntityID("alice")!, name: "Alice")
        #expect(try StateCodec.decode(StateCodec.encode(state)) == state)
    }

    // MARK: Determinism

    @Test func encodingTheSameStateTwiceGivesTheSameBytes() throws {
        let state = try Self.bundledState(at: "2026-11-21")
        #expect(StateCodec.encode(state) == StateCodec.encode(state))
    }

    @Test(arguments: 0..<20)
    func equalStatesBuiltInAnotherOrderEncodeToTheSameBytes(_ seed: Int) {
        var random = SeededGenerator(seed: 0xD7E + UInt64(seed))
        let state = RandomState.make(using: &random)
        var rebuilt = state
        rebuilt.institutes = RandomState.reinserted(state.institutes)
        rebuilt.schools = RandomState.reinserted(state.schools).mapValues { school in
            var school = school
            school.affiliations = RandomState.reinserted(school.affiliations)
            return school
        }
        rebuilt.people = RandomState.reinserted(state.people)
        rebuilt.consortia = RandomState.reinserted(state.consortia).mapValues { consortium in
            var consortium = consortium
            consortium.members = RandomState.reinserted(consortium.members)
            return consortium
        }
        rebuilt.calls = RandomState.reinserted(state.calls)
        #expect(rebuilt == state)
        #expect(StateCodec.encode(rebuilt) == StateCodec.encode(state))
    }

    // MARK: Refusals

    @Test func aCheckpointStartsWithTheMagicAndTheFormatVersion() {
        let bytes = StateCodec.encode(RegistryState())
        #expect(Array(bytes.prefix(2)) == [StateCodec.magic, StateCodec.formatVersion])
    }

    @Test func anotherFormatVersionIsRefused() throws {
        var bytes = StateCodec.encode(try Self.bundledState(at: "2020-02-07"))
        bytes[1] = StateCodec.formatVersion &+ 1
        #expect(throws: StateCodecError.unsupportedVersion(found: StateCodec.formatVersion &+ 1,
                                                          expected: StateCodec.formatVersion)) {
            try StateCodec.decode(bytes)
        }
        bytes[0] = 0x7B
        #expect(throws: StateCodecError.notACheckpoint(found: 0x7B)) { try StateCodec.decode(bytes) }
        #expect(throws: StateCodecError.truncated(offset: 0)) { try StateCodec.decode([UInt8]()) }
    }

    @Test func trailingBytesAreRefused() {
        #expect(throws: StateCodecError.trailingBytes(count: 1, offset: 9)) {
            try StateCodec.decode(StateCodec.encode(RegistryState()) + [0])
        }
    }

    /// A checkpoint of one person, written by hand, with `table` as its identifier table and `name` as the
    /// person's name.
    static func onePerson(table: [[UInt8]], name: [UInt8], key: UInt8 = 0) -> [UInt8] {
        var writer = ByteWriter(capacity: 64)
        writer.write(byte: StateCodec.magic)
        writer.write(byte: StateCodec.formatVersion)
        writer.write(count: table.count)
        for id in table {
            writer.write(count: id.count)
            for byte in id { writer.write(byte: byte) }
        }
        writer.write(count: 0)
        writer.write(count: 0)
        writer.write(count: 1)
        writer.write(byte: key)
        writer.write(byte: 0)
        writer.write(count: name.count)
        for byte in name { writer.write(byte: byte) }
        writer.write(count: 0)
        for _ in 0..<3 { writer.write(count: 0) }
        return writer.bytes
    }

    @Test func aHandWrittenCheckpointDecodes() throws {
        let state = try StateCodec.decode(Self.onePerson(table: [Array("alice".utf8)], name: Array("Alice".utf8)))
        #expect(state.people == [EntityID("alice")!: PersonRecord(id: EntityID("alice")!, name: "Alice")])
    }

    @Test(arguments: [[0xC3], [0xE2, 0x82], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func illFormedUTF8IsRefusedNotRepaired(_ bad: [UInt8]) {
        #expect(throws: StateCodecError.invalidUTF8(offset: 15)) {
            try StateCodec.decode(Self.onePerson(table: [Array("alice".utf8)], name: Array("A".utf8) + bad))
        }
    }

    @Test(arguments: ["", "Alice", "-a", "a b", "a;", "é", String(repeating: "a", count: 65)])
    func anIdentifierBreakingTheRuleIsRefused(_ text: String) {
        #expect(throws: StateCodecError.invalidEntityID(offset: 3)) {
            try StateCodec.decode(Self.onePerson(table: [Array(text.utf8)], name: []))
        }
    }

    @Test func aReferenceOutsideTheTableIsRefused() {
        #expect(throws: StateCodecError.unknownReference(index: 1, tableSize: 1, offset: 8)) {
            try StateCodec.decode(Self.onePerson(table: [Array("a".utf8)], name: [], key: 1))
        }
    }

    @Test func aDuplicateKeyIsRefused() {
        var writer = ByteWriter(capacity: 64)
        writer.write(byte: StateCodec.magic)
        writer.write(byte: StateCodec.formatVersion)
        writer.write(strings: ["a"])
        writer.write(count: 0)
        writer.write(count: 0)
        writer.write(count: 2)
        for _ in 0..<2 {
            writer.write(count: 0)
            writer.write(count: 0)
            writer.write(string: "A")
            writer.write(count: 0)
        }
        for _ in 0..<3 { writer.write(count: 0) }
        #expect(throws: StateCodecError.duplicateKey(field: "people", id: EntityID("a")!)) {
            try StateCodec.decode(writer.bytes)
        }
    }

    @Test func anUndefinedOfficeCodeIsRefused() throws {
        var state = RegistryState()
        state.offices = [OfficeHolding(office: .president, person: EntityID("a")!, representing: nil,
                                       since: Day(ordinal: 0), sincePrecision: .day)]
        var bytes = StateCodec.encode(state)
        let at = bytes.count - 7
        #expect(bytes[at] == Office.president.checkpointCode)
        bytes[at] = 9
        #expect(throws: StateCodecError.unknownCode(field: "office", value: 9, offset: at)) { try StateCodec.decode(bytes) }
    }

    @Test func aCountLargerThanTheInputIsRefusedBeforeAnythingIsReserved() {
        var writer = ByteWriter(capacity: 16)
        writer.write(byte: StateCodec.magic)
        writer.write(byte: StateCodec.formatVersion)
        writer.write(varint: UInt64.max)
        #expect(throws: StateCodecError.lengthExceedsInput(length: .max, remaining: 0, offset: 2)) {
            try StateCodec.decode(writer.bytes)
        }
        let tooLong: [UInt8] = [StateCodec.magic, StateCodec.formatVersion] + Array(repeating: 0xFF, count: 10) + [0]
        #expect(throws: StateCodecError.integerOutOfRange(field: "count", offset: 2)) { try StateCodec.decode(tooLong) }
    }

    // MARK: Hostile input

    @Test func everyTruncationOfARealCheckpointThrows() throws {
        let bytes = StateCodec.encode(try Self.bundledState(at: "2026-11-21"))
        for length in 0..<bytes.count {
            #expect(throws: StateCodecError.self) { try StateCodec.decode(Array(bytes[..<length])) }
        }
    }

    @Test func randomlyCorruptedCheckpointsDecodeToSomeStateOrThrow() throws {
        let original = StateCodec.encode(try Self.bundledState(at: "2020-02-07"))
        var random = SeededGenerator(seed: 0xBAD_C0DE)
        var decoded = 0
        for round in 0..<4000 {
            var bytes = original
            for _ in 0...Int.random(in: 0..<4, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                if round.isMultiple(of: 2) {
                    bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
                } else {
                    bytes[at] = UInt8.random(in: 0...255, using: &random)
                }
            }
            switch Result(catching: { () throws(StateCodecError) in try StateCodec.decode(bytes) }) {
            case .success(let state):
                // Whatever a corrupt checkpoint decodes to is a state like any other: it round-trips.
                #expect((try? StateCodec.decode(StateCodec.encode(state))) == state)
                decoded += 1
            case .failure(let error):
                #expect(!error.description.isEmpty)
            }
        }
        #expect(decoded > 0 && decoded < 4000)
    }

    @Test func randomBytesAfterAValidHeaderThrowOrDecode() {
        var random = SeededGenerator(seed: 0x5EED)
        for _ in 0..<2000 {
            let tail = (0..<Int.random(in: 0..<64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = try? StateCodec.decode([StateCodec.magic, StateCodec.formatVersion] + tail)
        }
    }

    // MARK: The decoder's own checks agree with the library's

    @Test func theDecodersIdentifierCheckAgreesWithEntityID() {
        var random = SeededGenerator(seed: 0x1D)
        let alphabet = Array("abz09-._AZ é;/".utf8) + [0x00, 0x7F, 0x80, 0xFF]
        var samples = ["", "a", "-", "a-", String(repeating: "a", count: 64), String(repeating: "a", count: 65)]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...66, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            samples.append(String(decoding: bytes, as: UTF8.self))
        }
        for text in samples {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBytes { EntityID.isValid(utf8: $0) } == (EntityID(text) != nil), "\(bytes)")
        }
    }

    @Test func everyByteStringDecodesAsAStringExactlyWhenItIsWellFormedUTF8() {
        var random = SeededGenerator(seed: 0x0F8)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBD, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...10, using: &random)).map { _ in interesting.randomElement(using: &random)! }
            var unicode = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var wellFormed = true
            parsing: while true {
                switch unicode.parseScalar(from: &iterator) {
                case .valid: continue
                case .emptyInput: break parsing
                case .error:
                    wellFormed = false
                    break parsing
                }
            }
            var writer = ByteWriter(capacity: 16)
            writer.write(count: bytes.count)
            for byte in bytes { writer.write(byte: byte) }
            let decoded = writer.bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                return try? reader.readString()
            }
            #expect((decoded != nil) == wellFormed, "\(bytes)")
            if let decoded { #expect(Array(decoded.utf8) == bytes) }
        }
    }
}
