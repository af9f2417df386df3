import Foundation
import Testing
@testable import CarnotRegistry

/// Hostile decision files: every one gives a clear error or a valid append, never a crash, and a refused
/// one leaves the store file byte for byte as it was.
@Suite struct HostileDecisionTests {
    static let valid = """
    {"events": [
      {"type": "institute.registered", "effective": "2011-04-28", "source": "imtech.imt.fr",
       "payload": {"institute": "tsn", "name": "Télécom & Société Numérique", "homeInstitutions": ["IMT"]}},
      {"type": "call.opened", "effective": "2010-12-09", "source": "kooperation-international",
       "payload": {"call": "carnot-2", "name": "Carnot 2", "closes": "2011-02-03"}},
      {"type": "label.granted", "effective": "2011-04-28", "source": "aefinfo 242166", "confidence": "probable",
       "payload": {"institute": "tsn", "kind": "carnot", "call": "carnot-2", "from": "2011-04-28", "until": "2016-07-06",
                   "probation": false}}
    ]}
    """

    /// A store in a temporary file holding one earlier decision, and a way to read its bytes.
    final class TemporaryStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("carnot-hostile-\(UUID().uuidString).sqlite").path
        let store: EventStore

        init() throws {
            store = try EventStore(path: path)
            try store.append([EventDraft(.personRegistered(person: EntityID("seed")!, name: "Seed", alsoKnownAs: []),
                                         effective: try PartialDate(parsing: "2020"), source: "seed")])
        }

        var bytes: [UInt8] {
            ["", "-wal"].flatMap { [UInt8](FileManager.default.contents(atPath: path + $0) ?? Data()) }
        }

        deinit {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    /// Decodes and appends `bytes` as a decision; returns the error, or nil if it was appended.
    static func attempt(_ bytes: [UInt8], on store: EventStore) -> Error? {
        do {
            let drafts = try EventSchema.decodeDecision(try JSONParser.parse(bytes), defaultRecordedBy: "fuzz")
            try store.append(drafts)
            return nil
        } catch {
            return error
        }
    }

    @Test func randomlyMutatedDecisionsAreRefusedCleanlyAndWriteNothing() throws {
        var random = HostileRandom(seed: 2_011_04_28)
        let original = Array(Self.valid.utf8)
        var refused = 0
        for _ in 0..<1_500 {
            let temporary = try TemporaryStore()
            var input = original
            for _ in 0..<Int.random(in: 1...3, using: &random) { input = random.mutate(input) }
            let before = temporary.bytes
            let head = try temporary.store.head()
            if let error = Self.attempt(input, on: temporary.store) {
                refused += 1
                #expect(error is JSONError || error is EventFormatError || error is StoreError, "\(type(of: error))")
                #expect(!String(describing: error).isEmpty)
                #expect(try temporary.store.head() == head)
                #expect(temporary.bytes == before)
            } else {
                #expect(try temporary.store.verify().isValid)
            }
        }
        #expect(refused > 1_000)
    }

    static let cases: [(name: String, text: String, mentions: String)] = [
        ("malformed JSON", #"{"events": [ {"type": "label.granted", }"#, "invalid JSON"),
        ("wrong type", #"{"events": [{"type": 7, "effective": "2020", "source": "s", "payload": {}}]}"#, "type"),
        ("unknown event type", #"{"events": [{"type": "label.stolen", "effective": "2020", "source": "s", "payload": {}}]}"#, "unknown event type"),
        ("unknown field", #"{"events": [{"type": "person.registered", "effective": "2020", "source": "s", "colour": "red", "payload": {"person": "p", "name": "P"}}]}"#, "colour"),
        ("missing field", #"{"events": [{"type": "person.registered", "effective": "2020", "payload": {"person": "p", "name": "P"}}]}"#, "source"),
        ("control character", "{\"events\": [{\"type\": \"person.registered\", \"effective\": \"2020\", \"source\": \"s\\u0007\", \"payload\": {\"person\": \"p\", \"name\": \"P\"}}]}", "control characters"),
        ("impossible day", #"{"events": [{"type": "person.registered", "effective": "2019-02-30", "source": "s", "payload": {"person": "p", "name": "P"}}]}"#, "not a day of the calendar"),
        ("year zero", #"{"events": [{"type": "person.registered", "effective": "0000-01-01", "source": "s", "payload": {"person": "p", "name": "P"}}]}"#, "outside the accepted years"),
        ("SQL in an id", #"{"events": [{"type": "person.registered", "effective": "2020", "source": "s", "payload": {"person": "x'); DROP TABLE events;--", "name": "P"}}]}"#, "lower-case letters"),
        ("duplicate key", #"{"events": [{"type": "person.registered", "type": "person.registered", "effective": "2020", "source": "s", "payload": {"person": "p", "name": "P"}}]}"#, "duplicate key"),
        ("deep nesting", String(repeating: "[", count: 100_000), "nesting deeper"),
        ("huge string", #"{"events": [{"type": "person.registered", "effective": "2020", "source": "s", "payload": {"person": "p", "name": ""# + String(repeating: "x", count: 5_000_000) + #""}}]}"#, "at most 300 characters"),
        ("empty decision", #"{"events": []}"#, "at least one event"),
        ("not an object", #"[1, 2, 3]"#, "must be a JSON object"),
    ]

    @Test(arguments: cases.indices)
    func aHostileDecisionGetsAClearErrorAndTheStoreIsUnchanged(index: Int) throws {
        let (name, text, mentions) = Self.cases[index]
        let temporary = try TemporaryStore()
        let before = temporary.bytes
        let error = try #require(Self.attempt(Array(text.utf8), on: temporary.store), "\(name) was accepted")
        #expect(String(describing: error).contains(mentions), "\(name): \(error)")
        #expect(temporary.bytes == before)
    }

    @Test func invalidUTF8IsRefusedWithTheByteOffset() throws {
        var bytes = Array(#"{"events": [{"type": "person.registered", "effective": "2020", "source": "s", "payload": {"person": "p", "name": "P"#.utf8)
        bytes += [0xC3, 0x28] + Array(#""}}]}"#.utf8)
        #expect(throws: JSONError.self) { try JSONParser.parse(bytes) }
    }
}
