import Foundation
import Testing
@testable import CarnotRegistry

/// `FactDecoder.canonicalRecorded`, the history walk's lane for canonical bodies, against the general reading
/// it stands in front of (`FactDecoder.decodeRecorded`): on every body it takes, it gives the event the general
/// reading gives; it never takes a body (or chain columns) the general reading refuses; and it takes every body
/// the store writes. The texts it keeps from one event to the next (`RecentTexts`) are carried across each
/// test's bodies, as the walk carries them, so that a reused text is checked against a fresh reading too.
@Suite struct RecordedLaneDifferentialTests {
    static func general(_ body: [UInt8], prev: String, hash: String) -> Result<RecordedEvent, EventFormatError> {
        Result { () throws(EventFormatError) in try FactDecoder.decodeRecorded(body, prev: prev, hash: hash) }
    }

    static func lane(_ body: [UInt8], prev: String, hash: String, _ recent: inout FactDecoder.RecentTexts) -> RecordedEvent? {
        body.withUnsafeBytes { FactDecoder.canonicalRecorded($0, prev: prev, hash: hash, recent: &recent) }
    }

    typealias Tally = CanonicalLaneDifferentialTests.Tally

    static func expectAgreement(_ body: [UInt8], prev: String, hash: String, _ recent: inout FactDecoder.RecentTexts,
                                _ tally: inout Tally, sourceLocation: SourceLocation = #_sourceLocation) {
        CanonicalLaneDifferentialTests.expectAgreement(general: general(body, prev: prev, hash: hash),
                                                       lane: lane(body, prev: prev, hash: hash, &recent), body, &tally,
                                                       sourceLocation: sourceLocation)
    }

    @Test func theLaneTakesEveryBodyTheStoreWritesWithTheGeneralReadingsEvent() throws {
        let events = try FullDecoderDifferentialTests.sampleEvents()
        #expect(events.count > 1_000)
        var recent = FactDecoder.RecentTexts()
        var tally = Tally()
        for event in events {
            let body = EventSchema.bodyBytes(of: event)
            Self.expectAgreement(body, prev: event.prev, hash: event.hash, &recent, &tally)
            var fresh = FactDecoder.RecentTexts()
            #expect(Self.lane(body, prev: event.prev, hash: event.hash, &fresh) == event,
                    "the lane left a canonical body to the general reading: \(String(decoding: body, as: UTF8.self))")
        }
        #expect(tally.taken == events.count)
    }

    @Test func seededMutationsOfBodiesAndChainColumnsNeverGetPastTheLaneWhereTheGeneralReadingRefusesThem() throws {
        let events = try FullDecoderDifferentialTests.sampleEvents()
        var scrambler = JSONScrambler(seed: 2_026_12_01)
        var recent = FactDecoder.RecentTexts()
        var tally = Tally()
        let rounds = 6_000
        for round in 0..<rounds {
            let event = events.randomElement(using: &scrambler.random)!
            let (prev, hash) = FullDecoderDifferentialTests.chainColumns(of: event, &scrambler)
            // Half the rounds read the body as stored, so that the texts kept from one body meet the next.
            let stored = EventSchema.bodyBytes(of: event)
            let body = round % 2 == 0 ? stored : try FullDecoderDifferentialTests.mutate(stored, round: round / 2, &scrambler)
            Self.expectAgreement(body, prev: prev, hash: hash, &recent, &tally)
        }
        #expect(tally.taken > rounds / 4)
        #expect(tally.leftToGeneral > rounds / 50)
        #expect(tally.refused > rounds / 10)
    }

    @Test func aKeptTextIsGivenOnlyToBytesThatSpellItAndStillChecked() throws {
        let event = try #require(try FullDecoderDifferentialTests.sampleEvents().first)
        let body = EventSchema.bodyBytes(of: event)
        var recent = FactDecoder.RecentTexts()
        #expect(Self.lane(body, prev: event.prev, hash: event.hash, &recent) == event)
        #expect(recent.source == event.source)
        #expect(recent.recordedBy == event.recordedBy)
        // Another source after the kept one: read, not reused, and kept in its place.
        let other = String(decoding: body, as: UTF8.self)
            .replacingOccurrences(of: "\"source\":\"\(event.source)\"", with: "\"source\":\"\(event.source)-other\"")
        let read = try #require(Self.lane(Array(other.utf8), prev: event.prev, hash: event.hash, &recent))
        #expect(read.source == event.source + "-other")
        #expect(recent.source == event.source + "-other")
        // A kept text that the check would refuse is never reused for the bytes that spell it.
        recent.recordedBy = "\u{7F}"
        let control = String(decoding: body, as: UTF8.self)
            .replacingOccurrences(of: "\"recordedBy\":\"\(event.recordedBy)\"", with: "\"recordedBy\":\"\u{7F}\"")
        #expect(Self.lane(Array(control.utf8), prev: event.prev, hash: event.hash, &recent) == nil)
    }
}
