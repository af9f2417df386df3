import Testing
@testable import CarnotRegistry

/// `FactDecoder.canonicalFact`, replay's lane for canonical bodies, against the general reading it stands
/// in front of (`decodeBody`): on every body it takes, it gives the fact the general reading gives; it
/// never takes a body the general reading refuses; and it takes every body the store writes, so that a
/// replay does not read them twice.
@Suite struct CanonicalLaneDifferentialTests {
    static func general(_ body: [UInt8]) -> Result<StoredFact, EventFormatError> {
        body.withUnsafeBytes { buffer in
            Result { () throws(EventFormatError) in
                guard let base = buffer.baseAddress, !buffer.isEmpty else {
                    throw EventFormatError(field: "", rule: "empty")
                }
                var scanner = CanonicalScanner(base: base.assumingMemoryBound(to: UInt8.self), count: buffer.count)
                var envelope = FactDecoder.Envelope()
                return try FactDecoder.decodeBody(&scanner, .fact, &envelope).fact
            }
        }
    }

    static func lane(_ body: [UInt8]) -> StoredFact? {
        body.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            var scanner = CanonicalScanner(base: base.assumingMemoryBound(to: UInt8.self), count: buffer.count)
            return FactDecoder.canonicalFact(&scanner)
        }
    }

    /// The verdicts seen, so that each test can check it exercised every side.
    struct Tally {
        var taken = 0
        var leftToGeneral = 0
        var refused = 0
    }

    static func expectAgreement(_ body: [UInt8], _ tally: inout Tally, sourceLocation: SourceLocation = #_sourceLocation) {
        expectAgreement(general: general(body), lane: lane(body), body, &tally, sourceLocation: sourceLocation)
    }

    /// Expects a lane's verdict on `body` to be the general reading's, or to leave the body to it: shared
    /// with the other lanes' tests (`RecordedLaneDifferentialTests`).
    static func expectAgreement<Value: Equatable>(general: Result<Value, EventFormatError>, lane: Value?, _ body: [UInt8],
                                                  _ tally: inout Tally, sourceLocation: SourceLocation = #_sourceLocation) {
        let shown = String(decoding: body.prefix(400), as: UTF8.self)
        switch (general, lane) {
        case (.success(let general), let lane?):
            tally.taken += 1
            #expect(general == lane, "\(shown)", sourceLocation: sourceLocation)
        case (.success, nil):
            tally.leftToGeneral += 1
        case (.failure, nil):
            tally.refused += 1
        case (.failure(let error), .some):
            Issue.record("the lane took a body the general reading refuses: \(error)\n\(shown)", sourceLocation: sourceLocation)
        }
    }

    @Test func theLaneTakesEveryBodyTheStoreWritesWithTheGeneralReadingsFact() throws {
        let events = try FullDecoderDifferentialTests.sampleEvents()
        #expect(events.count > 1_000)
        var tally = Tally()
        for event in events {
            let body = EventSchema.bodyBytes(of: event)
            Self.expectAgreement(body, &tally)
            #expect(Self.lane(body) != nil, "the lane left a canonical body to the general reading: \(String(decoding: body, as: UTF8.self))")
        }
        #expect(tally.taken == events.count)
    }

    @Test func seededMutationsOfBodiesNeverGetPastTheLaneWhereTheGeneralReadingRefusesThem() throws {
        let events = try FullDecoderDifferentialTests.sampleEvents()
        var scrambler = JSONScrambler(seed: 2_026_11_30_2)
        var tally = Tally()
        let rounds = 6_000
        for round in 0..<rounds {
            let body = EventSchema.bodyBytes(of: events.randomElement(using: &scrambler.random)!)
            Self.expectAgreement(try FullDecoderDifferentialTests.mutate(body, round: round, &scrambler), &tally)
        }
        #expect(tally.taken > rounds / 50)
        #expect(tally.leftToGeneral > rounds / 20)
        #expect(tally.refused > rounds / 5)
    }
}
