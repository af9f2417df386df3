import Foundation
import Testing
@testable import CarnotRegistry

/// `EventSchema.bodyBytes` writes the canonical body straight to bytes. Its bytes are hashed and published,
/// so they must be exactly those of the tree path (`CanonicalJSON.bytes(EventSchema.body(of:))`), for every
/// event type, every optional member present or absent, every schema version and any text.
@Suite struct BodyBytesTests {
    /// Expects the direct writer and the tree path to give the same bytes for `event`.
    static func expectSameBytes(_ event: RecordedEvent, sourceLocation: SourceLocation = #_sourceLocation) {
        let direct = EventSchema.bodyBytes(of: event)
        let tree = CanonicalJSON.bytes(EventSchema.body(of: event))
        #expect(direct == tree, "\(String(decoding: tree, as: UTF8.self))\n\(String(decoding: direct, as: UTF8.self))",
                sourceLocation: sourceLocation)
        // The published line, and the line `carnot history` prints with its status member, likewise.
        #expect(EventSchema.lineBytes(of: event) == EventSchema.line(of: event), sourceLocation: sourceLocation)
        for status: JSONValue in [.null, .object(["correctedBy": .integer(event.seq + 1)])] {
            guard case .object(var fields) = EventSchema.body(of: event) else { Issue.record("not an object"); return }
            fields["prev"] = .string(event.prev)
            fields["hash"] = .string(event.hash)
            fields["status"] = status
            #expect(EventSchema.lineBytes(of: event, status: status) == CanonicalJSON.bytes(.object(fields)), sourceLocation: sourceLocation)
        }
    }

    static func recorded(_ draft: EventDraft, seq: Int64 = 1, id: String = "e-1", schema: Int? = nil,
                         recorded: Timestamp = Timestamp(microseconds: 1_764_460_800_123_456)) -> RecordedEvent {
        RecordedEvent(seq: seq, id: id, schema: schema, event: draft.event, effective: draft.effective,
                      precision: draft.precision, recorded: recorded, source: draft.source,
                      recordedBy: draft.recordedBy, confidence: draft.confidence, note: draft.note,
                      prev: EventSchema.genesisHash, hash: "")
    }

    @Test func everyBundledEventIsWrittenWithTheBytesItWasPublishedWith() throws {
        for path in [FactDecoderTests.bundledLog, FactDecoderTests.version1Log] {
            let entries = try LogFile.read(path)
            #expect(!entries.isEmpty)
            for entry in entries {
                #expect(EventSchema.bodyBytes(of: entry.event) == entry.body, "\(entry.file):\(entry.line)")
            }
        }
    }

    @Test(arguments: [(events: 3_000, institutes: 30, seed: UInt64(42)), (2_000, 8, 7)])
    func everySyntheticEventIsWrittenAsTheTreePathWritesIt(_ size: (events: Int, institutes: Int, seed: UInt64)) {
        var types = Set<String>()
        SyntheticLog.generate(.init(events: size.events, institutes: size.institutes, seed: size.seed)) { event in
            types.insert(event.event.typeName)
            Self.expectSameBytes(event)
        }
        #expect(types.count >= 15)
    }

    /// Every decision of the hand-written history, plus the types and members it leaves out.
    static let drafts: [EventDraft] = History.decisions.flatMap { $0 } + [
        Draft.openCall("carnot-9", "Carnot 9", closes: "2030-12-31", on: "2029-06"),
        Draft.announceResults(of: "carnot-9", CallCounts(labelled: 0, renewed: 1, new: 22, notRenewed: 333,
                                                        tremplins: 4_444, probation: 9_223_372_036_854_775_807), on: "2031"),
        Draft.announceResults(of: "carnot-9", CallCounts(labelled: 7), on: "2031"),
        Draft.grant("tsn", in: "carnot-9", from: "2031-01-01", until: "2035-12-31", kind: .tremplin, probation: true),
        Draft.withdraw("tsn", reason: "a \"quoted\" reason\\ with\nnew lines\t\u{1}\u{1F} and é ✓ 😀", on: "2032-02-29"),
        Draft.notRenew("tsn", in: "carnot-9", on: "2035"),
        Draft.notRenew("tsn", in: "carnot-9", reason: "", on: "2035"),
        Draft.registerSchool("s", "S", parent: "P \u{7F}\u{85}", on: "1999-12"),
        Draft.changeParent(of: "s", to: "Q", on: "2001"),
        Draft.renameSchool("s", to: "S2", on: "2001-02"),
        Draft.renameInstitute("tsn", to: "TSN 2", on: "2001-03"),
        Draft.merge(["a", "b.c", "d_e"], into: "f-g", "F G", parent: "H", on: "2003"),
        Draft.merge(["a"], into: "f-g", "F G", on: "2003"),
        Draft.disaffiliate("s", from: "tsn", on: "2004"),
        Draft.registerPerson("p", "P", alsoKnownAs: ["P.", "Pé"], on: "2005"),
        Draft.appoint("p", as: .president, on: "2005"),
        Draft.leave("p", .president, on: "2006"),
        Draft.leaveConsortium("c", "tsn", on: "2007"),
        Draft.retract(12, on: "2008"),
        Draft.correct(3, with: Draft.registerPerson("p", "P", alsoKnownAs: [], on: "2005-01"), on: "2009"),
        Draft.correct(4, with: Draft.renameSchool("s", to: "T", on: "2010-10-10"), reason: "", on: "2009"),
    ]

    @Test func everyTypeAndOptionalMemberIsWrittenAsTheTreePathWritesIt() {
        var types = Set<String>()
        for (index, draft) in Self.drafts.enumerated() {
            types.insert(draft.event.typeName)
            var noted = draft
            noted.note = index.isMultiple(of: 2) ? nil : "note \(index) \"with\" \\ escapes\r\n"
            Self.expectSameBytes(Self.recorded(noted, seq: Int64(index + 1), id: "id-\(index)"))
        }
        #expect(types == Set(Event.typeNames))
    }

    /// Seeded random events of every type and schema version, with random texts.
    @Test func randomEventsOfEveryTypeAndSchemaAreWrittenAsTheTreePathWritesThem() {
        var factory = RandomEvents(seed: 1_789_07_14)
        var kinds: Set<String> = []
        for round in 0..<3_000 {
            let recorded = factory.recordedEvent(type: Event.typeNames[round % Event.typeNames.count])
            kinds.insert(recorded.event.typeName)
            Self.expectSameBytes(recorded)
        }
        #expect(kinds == Set(Event.typeNames))
    }

    @Test func olderSchemaVersionsAndCorrectionsOfThemAreWrittenInTheirVersion() {
        let person = Draft.registerPerson("p", "P", alsoKnownAs: ["Q"], on: "2005")
        Self.expectSameBytes(Self.recorded(person, schema: 1))
        let replacement = Correction(event: person.event, effective: person.effective, precision: .year, schema: 1)
        let correction = Draft.make(.eventCorrected(target: 9, reason: "r", replacement: replacement), on: "2006")
        Self.expectSameBytes(Self.recorded(correction))
    }

    @Test(arguments: [0, 1, 59_999_999, 86_399_999_999, -1, -2_208_988_800_000_001] as [Int64])
    func recordTimesAreWrittenAsTimestampWritesThem(_ microseconds: Int64) {
        let draft = Draft.extend("tsn", until: "2016-12-31", on: "2016-03-01")
        Self.expectSameBytes(Self.recorded(draft, recorded: Timestamp(microseconds: microseconds)))
    }

    @Test func theWriterSeparatesMembersAndElementsAsCanonicalJSONDoes() {
        var writer = CanonicalWriter()
        writer.beginObject()
        writer.key("a"); writer.beginArray(); writer.integer(0); writer.integer(10); writer.integer(-5); writer.endArray()
        writer.key("b"); writer.beginObject(); writer.endObject()
        writer.key("c"); writer.beginArray(); writer.beginObject(); writer.key("x"); writer.bool(false); writer.endObject()
        writer.beginObject(); writer.endObject(); writer.endArray()
        writer.key("d"); writer.value(.null)
        writer.endObject()
        let tree: JSONValue = .object([
            "a": .array([.integer(0), .integer(10), .integer(-5)]), "b": .object([:]),
            "c": .array([.object(["x": .bool(false)]), .object([:])]), "d": .null,
        ])
        #expect(writer.bytes == CanonicalJSON.bytes(tree))
    }
}

/// The ids the system environment gives new events read as UUIDs, as `UUID` writes them, and are ordered
/// by the time they were made (version 7), so that a decision's inserts share the last pages of the index.
@Suite struct EventIDTests {
    @Test func newIDsAreLowerCaseVersion7UUIDsThatFoundationReadsBack() throws {
        var seen = Set<String>()
        let before = UInt64((Date().timeIntervalSince1970 * 1_000).rounded(.down))
        for _ in 0..<200 {
            let id = SystemEnvironment().newEventID()
            let uuid = try #require(UUID(uuidString: id))
            #expect(uuid.uuidString.lowercased() == id)
            #expect(Array(id.utf8)[14] == UInt8(ascii: "7"))
            #expect("89ab".utf8.contains(Array(id.utf8)[19]))
            let milliseconds = try #require(UInt64(id.prefix(8) + id.dropFirst(9).prefix(4), radix: 16))
            #expect(milliseconds >= before)
            seen.insert(id)
        }
        #expect(seen.count == 200)
        #expect(SystemEnvironment.uuidText(milliseconds: 0, high: 0, low: 0) == "00000000-0000-7000-8000-000000000000")
        #expect(SystemEnvironment.uuidText(milliseconds: .max, high: .max, low: .max) == "ffffffff-ffff-7fff-bfff-ffffffffffff")
        #expect(SystemEnvironment.uuidText(milliseconds: 0x0123_4567_89ab, high: 0xcde, low: 0)
            == "01234567-89ab-7cde-8000-000000000000")
    }

    /// Ids made later sort after earlier ones (a millisecond apart at least), whatever their random bits.
    @Test func idsOfLaterMillisecondsSortAfter() {
        let earlier = SystemEnvironment.uuidText(milliseconds: 1_764_547_200_000, high: .max, low: .max)
        let later = SystemEnvironment.uuidText(milliseconds: 1_764_547_200_001, high: 0, low: 0)
        #expect(earlier < later)
    }
}
