import Foundation
import Testing
@testable import CarnotRegistry

/// The one rule set, as a property: for every event type, with random texts at and past every limit, through
/// every path into the log (a decision built in code as the subcommands build it, a decision file, a
/// correction's replacement, an imported line), whatever the store accepts its readers decode, and whatever
/// its readers refuse the store refuses first, writing nothing.
@Suite struct AcceptedIsReadableTests {
    /// The four ways an event enters the log.
    enum Path: String, CaseIterable, Sendable { case decision, decisionFile, correction, importedLine }

    /// Lengths at and around the limits (300 for names, 200 for recordedBy, 2,000 for other texts).
    private static let lengths = [1, 2, 199, 200, 201, 299, 300, 301, 1_999, 2_000, 2_001]

    private struct Texts {
        var rng: SeededGenerator
        mutating func text() -> String {
            let length = AcceptedIsReadableTests.lengths.randomElement(using: &rng)!
            var text = String(repeating: "é", count: length)
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: text = " "                                   // blank
            case 1: text.replaceSubrange(text.startIndex...text.startIndex, with: "\u{7}")  // a control character
            default: break
            }
            return text
        }
        mutating func maybe() -> String? { Bool.random(using: &rng) ? text() : nil }
    }

    /// A random event of every type, naming entities of `RuleFixture` so that most are valid in the domain.
    private static func events(_ texts: inout Texts) -> [Event] {
        func id(_ raw: String) -> EntityID { EntityID(raw)! }
        return [
            .instituteRegistered(institute: id("new-institute"), name: texts.text(), homeInstitutions: [texts.text()]),
            .instituteRenamed(institute: id("mines"), name: texts.text()),
            .directorAppointed(institute: id("mines"), person: id("carol")),
            .callOpened(call: id("new-call"), name: texts.text(), closes: nil),
            .callResultsAnnounced(call: id("carnot-2"), counts: CallCounts(labelled: 34)),
            .labelGranted(institute: id("mines"), kind: .tremplin, call: id("carnot-2"),
                          from: Day(year: 2016, month: 1, day: 1)!, until: Day(year: 2019, month: 1, day: 1)!, probation: false),
            .labelRenewed(institute: id("tsn"), call: id("carnot-2"), from: Day(year: 2011, month: 4, day: 28)!,
                          until: Day(year: 2016, month: 4, day: 28)!),
            .labelExtended(institute: id("tsn"), until: Day(year: 2011, month: 12, day: 31)!),
            .labelWithdrawn(institute: id("tsn"), reason: texts.text()),
            .labelNotRenewed(institute: id("tsn"), call: id("carnot-2"), reason: texts.maybe()),
            .schoolRegistered(school: id("new-school"), name: texts.text(), parent: texts.maybe()),
            .schoolRenamed(school: id("telecom-bretagne"), name: texts.text()),
            .schoolParentChanged(school: id("telecom-bretagne"), parent: texts.text()),
            .schoolsMerged(schools: [id("telecom-bretagne"), id("mines-douai")], into: id("new-merged"), name: texts.text(),
                           parent: texts.maybe()),
            .schoolAffiliated(school: id("mines-douai"), institute: id("mines"), role: .member),
            .schoolDisaffiliated(school: id("telecom-bretagne"), institute: id("tsn")),
            .personRegistered(person: id("new-person"), name: texts.text(), alsoKnownAs: [texts.text()]),
            .officeHolderAppointed(person: id("carol"), office: .boardMember, representing: nil),
            .officeHolderLeft(person: id("bob"), office: .vicePresident),
            .consortiumFormed(consortium: id("new-consortium"), name: texts.text()),
            .consortiumJoined(consortium: id("global-care"), institute: id("mines"), role: .member),
            .consortiumLeft(consortium: id("global-care"), institute: id("tsn")),
            .eventRetracted(target: 17, reason: texts.text()),
        ]
    }

    /// The effective day each event is valid on in `RuleFixture`.
    private static func effective(of event: Event) -> String {
        switch event {
        case .labelGranted: "2016-01-01"
        case .labelRenewed, .callResultsAnnounced: "2011-04-28"
        case .labelExtended, .labelWithdrawn, .labelNotRenewed: "2011-03-01"
        default: "2012-01-01"
        }
    }

    /// True when both readers of the log decode `event` as the store would write it at the next position.
    private static func readable(_ event: RecordedEvent) -> Bool {
        let body = CanonicalJSON.bytes(EventSchema.body(of: event))
        guard (try? FactDecoder.decode(body)) != nil, case .object(var fields)? = try? JSONParser.parse(body) else { return false }
        fields["prev"] = .string(event.prev)
        fields["hash"] = .string(EventSchema.genesisHash)
        return (try? EventSchema.decodeRecorded(.object(fields))) != nil
    }

    @Test(arguments: Path.allCases)
    func whateverTheStoreAcceptsItsReadersDecodeAndWhatTheyRefuseItRefusesFirst(path: Path) throws {
        var texts = Texts(rng: SeededGenerator(seed: 9_162 + UInt64(Path.allCases.firstIndex(of: path)!)))
        var accepted = 0, refusedAsUnreadable = 0
        // A correction carries one replacement per round (a registration), so it gets more rounds.
        for _ in 0..<(path == .correction ? 40 : 6) {
            for event in Self.events(&texts) {
                let store = try RuleFixture.store()
                let before = try store.head()
                var draft = EventDraft(event, effective: try PartialDate(parsing: Self.effective(of: event)),
                                       source: texts.text(), recordedBy: Bool.random(using: &texts.rng) ? texts.text() : "registry",
                                       note: texts.maybe())
                if path == .correction {
                    // The replacement of the institute's registration (2): the same fact, with these texts.
                    guard case .instituteRenamed(_, let name) = event else { continue }
                    let replacement = Correction(event: .instituteRegistered(institute: EntityID("tsn")!, name: name, homeInstitutions: []),
                                                 effective: Day(year: 2006, month: 1, day: 1)!, precision: .year)
                    draft = EventDraft(.eventCorrected(target: 2, reason: texts.text(), replacement: replacement),
                                       effective: try PartialDate(parsing: "2026"), source: draft.source,
                                       recordedBy: draft.recordedBy, note: draft.note)
                }
                let written = RecordedEvent(seq: before.seq + 1, id: "00000000-0000-4000-8000-000000000999", event: draft.event,
                                            effective: draft.effective, precision: draft.precision,
                                            recorded: Timestamp(microseconds: try store.events().last!.recorded.microseconds + 1),
                                            source: draft.source,
                                            recordedBy: draft.recordedBy, confidence: draft.confidence, note: draft.note,
                                            prev: before.hash, hash: "")
                let isReadable = Self.readable(written)
                let outcome = Result { try Self.enter(draft, as: written, by: path, into: store) }
                switch outcome {
                case .success:
                    accepted += 1
                    #expect(isReadable, "accepted but unreadable: \(draft.event.typeName) through \(path)")
                    let stored = try store.events()
                    #expect(stored.count == Int(before.seq) + 1)
                    _ = try store.replay()
                case .failure(let error):
                    #expect(try store.head() == before, "a refusal wrote something: \(error)")
                    if !isReadable {
                        refusedAsUnreadable += 1
                        #expect(Self.isInputRefusal(error), "unreadable event refused as \(error), not as bad input")
                    }
                }
            }
        }
        // The seeds give both outcomes on every path: the property is not vacuous.
        #expect(accepted > 0)
        #expect(refusedAsUnreadable > 0)
    }

    /// A refusal of the input itself (exit 64 on the command line), never an integrity failure of the store.
    private static func isInputRefusal(_ error: Error) -> Bool {
        switch error {
        case StoreError.invalid, StoreError.malformed: true
        case StoreError.badLine(let line): line.kind != .integrity
        case is EventFormatError, is LogLineError: true
        default: false
        }
    }

    /// Sends `draft` into `store` by `path`; `written` is the event as the store would record it.
    private static func enter(_ draft: EventDraft, as written: RecordedEvent, by path: Path, into store: EventStore) throws {
        switch path {
        case .decision, .correction:
            try store.append([draft])
        case .decisionFile:
            var fields: [String: JSONValue] = [
                "type": .string(draft.event.typeName), "effective": .string(PartialDate(day: draft.effective, precision: draft.precision).description),
                "source": .string(draft.source), "recordedBy": .string(draft.recordedBy), "payload": draft.event.payloadJSON,
            ]
            if let note = draft.note { fields["note"] = .string(note) }
            let file = CanonicalJSON.bytes(.object(["events": .array([.object(fields)])]))
            let drafts = try EventSchema.decodeDecision(try JSONParser.parse(file), defaultRecordedBy: "registry")
            try store.append(drafts)
        case .importedLine:
            let body = CanonicalJSON.bytes(EventSchema.body(of: written))
            let signed = RecordedEvent(seq: written.seq, id: written.id, event: written.event, effective: written.effective,
                                       precision: written.precision, recorded: written.recorded, source: written.source,
                                       recordedBy: written.recordedBy, confidence: written.confidence, note: written.note,
                                       prev: written.prev, hash: EventSchema.hash(prev: written.prev, body: body))
            var lines = try store.events().map { String(decoding: EventSchema.line(of: $0), as: UTF8.self) }
            lines.append(String(decoding: EventSchema.line(of: signed), as: UTF8.self))
            try Fixture.withTemporaryFolder { folder in
                let file = folder.appendingPathComponent("log.ndjson")
                try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
                _ = try store.importLog(try LogFile.read(file.path))
            }
        }
    }
}
