import Foundation
import Testing
@testable import CarnotRegistry

/// The byte decoder's full readings (`FactDecoder.decodeRecorded` of a stored body and its chain columns,
/// `FactDecoder.decodeLine` of a published line) against the slow path they replace (the JSON tree, then
/// `EventSchema.decodeRecorded`): on the bundled log, synthetic logs and random events of every type, and on
/// seeded mutations of their lines and bodies, both accept with equal events or both refuse. Readers fall
/// back to the slow path for what the byte decoder refuses, so a user reads the slow path's very errors:
/// `LogFile.entry` is held to the errors it gave before.
@Suite struct FullDecoderDifferentialTests {
    // MARK: The two paths

    static func slowLine(_ line: [UInt8]) -> Result<RecordedEvent, any Error> {
        Result { try EventSchema.decodeRecorded(try JSONParser.parse(line)) }
    }

    static func fastLine(_ line: [UInt8]) -> Result<RecordedEvent, EventFormatError> {
        line.withUnsafeBytes { bytes in Result { () throws(EventFormatError) in try FactDecoder.decodeLine(bytes) } }
    }

    /// The slow path as `EventStore.decode` ran it: parse, set the chain columns, decode.
    static func slowBody(_ body: [UInt8], prev: String, hash: String) -> Result<RecordedEvent, any Error> {
        Result {
            guard case .object(var fields) = try JSONParser.parse(body) else {
                throw EventFormatError(field: "", rule: "body is not an object")
            }
            fields["prev"] = .string(prev)
            fields["hash"] = .string(hash)
            return try EventSchema.decodeRecorded(.object(fields))
        }
    }

    static func fastBody(_ body: [UInt8], prev: String, hash: String) -> Result<RecordedEvent, EventFormatError> {
        Result { () throws(EventFormatError) in try FactDecoder.decodeRecorded(body, prev: prev, hash: hash) }
    }

    /// `LogFile.entry` as it was before the byte decoder: every line through the slow path.
    static func formerEntry(_ line: [UInt8]) throws(LogLineError) -> LogFile.Entry {
        func fail(_ kind: LogLineError.Kind, _ message: String) -> LogLineError {
            LogLineError(file: "log.ndjson", line: 1, kind: kind, message: message)
        }
        let json: JSONValue
        do { json = try JSONParser.parse(line) } catch { throw fail(.malformed, error.description) }
        let event: RecordedEvent
        do { event = try EventSchema.decodeRecorded(json) } catch { throw fail(.malformed, error.description) }
        let body = EventSchema.bodyBytes(of: event)
        guard PublishedLine.splice(body: body, prev: event.prev, hash: event.hash) == line else {
            throw fail(.malformed, "the line is not in canonical form (sorted keys, no spaces, every field written out)")
        }
        let computed = EventSchema.hash(prev: event.prev, body: body)
        guard computed == event.hash else {
            throw fail(.integrity, "hash: the line's hash does not match its content (computed \(computed.prefix(12))...): the line was altered")
        }
        return LogFile.Entry(event: event, body: body, file: "log.ndjson", line: 1)
    }

    /// The verdicts seen, so that each test can check it exercised both sides.
    struct Tally {
        var accepted = 0
        var refused = 0
    }

    static func shown(_ bytes: [UInt8]) -> String { String(decoding: bytes.prefix(300), as: UTF8.self) }

    /// Expects both readings of a line to agree, and `LogFile.entry` to give what it gave before.
    static func expectSameVerdict(line: [UInt8], _ tally: inout Tally, sourceLocation: SourceLocation = #_sourceLocation) {
        switch (slowLine(line), fastLine(line)) {
        case (.success(let slow), .success(let fast)):
            tally.accepted += 1
            #expect(slow == fast, "\(shown(line))", sourceLocation: sourceLocation)
        case (.failure, .failure):
            tally.refused += 1
        case (.success, .failure(let error)):
            Issue.record("the byte decoder refused a line the slow path accepts: \(error)\n\(shown(line))", sourceLocation: sourceLocation)
        case (.failure(let error), .success):
            Issue.record("the byte decoder accepted a line the slow path refuses: \(error)\n\(shown(line))", sourceLocation: sourceLocation)
        }
        let now = Result { () throws(LogLineError) in try LogFile.entry(line, file: "log.ndjson", line: 1) }
        let before = Result { () throws(LogLineError) in try formerEntry(line) }
        switch (now, before) {
        case (.success(let now), .success(let before)):
            #expect(now.event == before.event && now.body == before.body, "\(shown(line))", sourceLocation: sourceLocation)
        case (.failure(let now), .failure(let before)):
            #expect(now == before, "\(shown(line))", sourceLocation: sourceLocation)
        default:
            Issue.record("LogFile.entry changed its verdict: now \(now), before \(before)\n\(shown(line))", sourceLocation: sourceLocation)
        }
    }

    /// Expects both readings of a stored body to agree, save the one documented difference: a body holding
    /// `prev` or `hash`, which the slow path let the chain columns overwrite, is refused by the byte decoder
    /// (and read by the slow path the store falls back to). The fact reading must agree with the full one.
    static func expectSameVerdict(body: [UInt8], prev: String, hash: String, _ tally: inout Tally,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        let fact = Result { () throws(EventFormatError) in try FactDecoder.decode(body) }
        switch (slowBody(body, prev: prev, hash: hash), fastBody(body, prev: prev, hash: hash)) {
        case (.success(let slow), .success(let fast)):
            tally.accepted += 1
            #expect(slow == fast, "\(shown(body))", sourceLocation: sourceLocation)
            #expect(fact == .success(StoredFact(event: fast.event, effective: fast.effective, precision: fast.precision)),
                    sourceLocation: sourceLocation)
        case (.failure, .failure):
            tally.refused += 1
        case (.success, .failure(let error)):
            let chain = (try? JSONParser.parse(body)).map { $0["prev"] != nil || $0["hash"] != nil } ?? false
            #expect(chain, "the byte decoder refused a body the slow path accepts: \(error)\n\(shown(body))",
                    sourceLocation: sourceLocation)
            tally.refused += 1
        case (.failure(let error), .success):
            Issue.record("the byte decoder accepted a body the slow path refuses: \(error)\n\(shown(body))", sourceLocation: sourceLocation)
        }
    }

    // MARK: Sources of events

    static func bundledEntries() throws -> [LogFile.Entry] { try LogFile.read(FactDecoderTests.bundledLog) }

    static func synthetic(_ events: Int, institutes: Int, seed: UInt64) -> [RecordedEvent] {
        var log: [RecordedEvent] = []
        SyntheticLog.generate(.init(events: events, institutes: institutes, seed: seed)) { log.append($0) }
        return log
    }

    /// Random events of every type, with texts full of escapes, accents and emoji, chained to real hashes.
    static func randomEvents(_ count: Int, seed: UInt64) -> [RecordedEvent] {
        var factory = RandomEvents(seed: seed)
        return (0..<count).map { round in
            let event = factory.recordedEvent(type: Event.typeNames[round % Event.typeNames.count])
            let prev = EventSchema.hash(prev: EventSchema.genesisHash, body: Array(String(round).utf8))
            let unchained = RecordedEvent(seq: event.seq, id: event.id, schema: event.schema, event: event.event,
                                          effective: event.effective, precision: event.precision, recorded: event.recorded,
                                          source: event.source, recordedBy: event.recordedBy, confidence: event.confidence,
                                          note: event.note, prev: prev, hash: "")
            let body = EventSchema.bodyBytes(of: unchained)
            return RecordedEvent(seq: event.seq, id: event.id, schema: event.schema, event: event.event,
                                 effective: event.effective, precision: event.precision, recorded: event.recorded,
                                 source: event.source, recordedBy: event.recordedBy, confidence: event.confidence,
                                 note: event.note, prev: prev, hash: EventSchema.hash(prev: prev, body: body))
        }
    }

    // MARK: Valid events

    @Test func everyBundledLineAndBodyDecodesAsTheSlowPathDecodesIt() throws {
        var tally = Tally()
        let entries = try Self.bundledEntries()
        for entry in entries {
            let line = EventSchema.line(of: entry.event)
            #expect(Self.fastLine(line) == .success(entry.event), "seq \(entry.event.seq)")
            Self.expectSameVerdict(line: line, &tally)
            Self.expectSameVerdict(body: entry.body, prev: entry.event.prev, hash: entry.event.hash, &tally)
        }
        #expect(tally.accepted == 2 * entries.count && tally.refused == 0)
    }

    @Test(arguments: [(events: 2_000, institutes: 40, seed: UInt64(1)), (1_500, 12, 7), (1_500, 60, 2026)])
    func everySyntheticLineAndBodyDecodesAsTheSlowPathDecodesIt(_ size: (events: Int, institutes: Int, seed: UInt64)) {
        var tally = Tally()
        for event in Self.synthetic(size.events, institutes: size.institutes, seed: size.seed) {
            let line = EventSchema.line(of: event)
            #expect(Self.fastLine(line) == .success(event))
            Self.expectSameVerdict(line: line, &tally)
            Self.expectSameVerdict(body: EventSchema.bodyBytes(of: event), prev: event.prev, hash: event.hash, &tally)
        }
        #expect(tally.accepted == 2 * size.events && tally.refused == 0)
    }

    @Test func randomEventsOfEveryTypeDecodeAsTheyWereWritten() {
        var tally = Tally()
        for event in Self.randomEvents(1_600, seed: 2_026_11_30) {
            let line = EventSchema.line(of: event)
            #expect(Self.fastLine(line) == .success(event), "\(Self.shown(line))")
            Self.expectSameVerdict(line: line, &tally)
            Self.expectSameVerdict(body: EventSchema.bodyBytes(of: event), prev: event.prev, hash: event.hash, &tally)
        }
        #expect(tally.refused == 0)
    }
}
