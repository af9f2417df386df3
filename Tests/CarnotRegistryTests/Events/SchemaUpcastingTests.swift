import Foundation
import Testing
@testable import CarnotRegistry

/// `person.registered` gained `alsoKnownAs` in schema version 2. A log written before, in version 1, must
/// stay readable, replay to the same state, verify, and export byte for byte: upcast on read, never rewritten.
@Suite struct SchemaUpcastingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support/Fixtures")
    static let v1Log = fixtures.appendingPathComponent("schema-v1-log.ndjson").path
    static let v1State = fixtures.appendingPathComponent("schema-v1-state-2020-02-07.json").path

    @Test func aVersion1LogReplaysToTheStateItGaveBeforeVersion2() throws {
        let store = try EventStore(path: ":memory:")
        _ = try store.importLog(try LogFile.read(Self.v1Log))
        let head = try store.head()
        let document = StateDocument.json(try store.state(at: try #require(Day(year: 2020, month: 2, day: 7))), at: try #require(Day(year: 2020, month: 2, day: 7)), head: head)
        let expected = try #require(FileManager.default.contents(atPath: Self.v1State))
        #expect(CanonicalJSON.bytes(document) + [0x0A] == [UInt8](expected))
        #expect(try store.verify().isValid)
    }

    @Test func aVersion1EventReadsAsHavingNoOtherNamesAndKeepsItsVersion() throws {
        let entries = try LogFile.read(Self.v1Log)
        let person = try #require(entries.first { $0.event.event.typeName == "person.registered" })
        #expect(person.event.schema == 1)
        #expect(person.event.event == .personRegistered(person: try #require(EntityID("christian-picory-donne")),
                                                         name: "Christian Picory-Donné", alsoKnownAs: []))
    }

    @Test func exportingAnUpcastLogReproducesItsVersion1BytesExactly() throws {
        let store = try EventStore(path: ":memory:")
        _ = try store.importLog(try LogFile.read(Self.v1Log))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("carnot-v1-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try LogFile.write(try store.events(), to: folder)
        #expect(files.count == 1)
        #expect(FileManager.default.contents(atPath: files[0]) == FileManager.default.contents(atPath: Self.v1Log))
    }

    @Test func newRegistrationsAreWrittenInVersion2WithTheirOtherNames() throws {
        let store = try EventStore(path: ":memory:")
        _ = try store.importLog(try LogFile.read(Self.v1Log))
        let id = try #require(EntityID("damien-goetz"))
        try store.append([EventDraft(.personRegistered(person: id, name: "Damien Goetz", alsoKnownAs: ["D. Goetz"]),
                                     effective: try PartialDate(parsing: "2016"), source: "document 004")])
        let recorded = try #require(try store.events().last)
        #expect(recorded.schema == 2)
        let line = String(decoding: EventSchema.line(of: recorded), as: UTF8.self)
        #expect(line.contains(#""alsoKnownAs":["D. Goetz"]"#))
        #expect(try store.state(at: try #require(Day(year: 2017, month: 1, day: 1))).people[id]?.alsoKnownAs == ["D. Goetz"])
        #expect(try store.verify().isValid)
    }

    @Test func aVersion1LineCarryingAVersion2FieldIsRefused() throws {
        let json = try JSONParser.parse(#"{"person":"x","name":"X","alsoKnownAs":["Y"]}"#)
        #expect(throws: EventFormatError.self) { try Event(type: "person.registered", payload: json, version: 1) }
        #expect(throws: EventFormatError.self) {
            try EventSchema.checkVersion(.integer(3), type: "person.registered", field: "schema")
        }
    }
}
