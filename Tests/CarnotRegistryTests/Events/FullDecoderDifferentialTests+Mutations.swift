import Testing
@testable import CarnotRegistry

/// Seeded mutations of real lines and bodies: the same event spelt otherwise (members reordered,
/// whitespace, escapes), another value (nulls, removed or unknown members, numbers, texts, types), and bytes
/// flipped, cut or inserted. Each gets the same verdict from the byte decoder and the slow path.
extension FullDecoderDifferentialTests {
    /// Lines of the bundled log, of a synthetic log and of random events of every type.
    static func sampleEvents() throws -> [RecordedEvent] {
        try bundledEntries().map(\.event) + synthetic(1_000, institutes: 20, seed: 11) + randomEvents(300, seed: 1_789)
    }

    /// One mutation of `bytes` (a line or a body), chosen by `round`.
    static func mutate(_ bytes: [UInt8], round: Int, _ scrambler: inout JSONScrambler) throws -> [UInt8] {
        let json = try JSONParser.parse(bytes)
        switch round % 4 {
        case 0: return scrambler.spell(json)
        case 1: return CanonicalJSON.bytes(scrambler.bend(json))
        case 2: return scrambler.spell(scrambler.bend(scrambler.chance(30) ? scrambler.bend(json) : json))
        default:
            var mutated = bytes
            for _ in 0...Int.random(in: 0...2, using: &scrambler.random) { mutated = scrambler.random.mutate(mutated) }
            return mutated
        }
    }

    /// The event's `prev` and `hash`, one of them now and then replaced by a value the decoders refuse.
    static func chainColumns(of event: RecordedEvent, _ scrambler: inout JSONScrambler) -> (prev: String, hash: String) {
        var prev = event.prev
        var hash = event.hash
        if scrambler.chance(3) {
            let bad = ["", prev.uppercased(), String(prev.dropLast()), prev + "0", String(repeating: "g", count: 64)]
            if scrambler.chance(50) { prev = bad.randomElement(using: &scrambler.random)! } else {
                hash = bad.randomElement(using: &scrambler.random)!
            }
        }
        return (prev, hash)
    }

    @Test func seededMutationsOfLinesGetTheSlowPathsVerdict() throws {
        let events = try Self.sampleEvents()
        var scrambler = JSONScrambler(seed: 2_026_11_30)
        var tally = Tally()
        let rounds = 4_000
        for round in 0..<rounds {
            let line = EventSchema.line(of: events.randomElement(using: &scrambler.random)!)
            Self.expectSameVerdict(line: try Self.mutate(line, round: round, &scrambler), &tally)
        }
        #expect(tally.accepted > rounds / 5)
        #expect(tally.refused > rounds / 5)
    }

    @Test func seededMutationsOfBodiesAndChainColumnsGetTheSlowPathsVerdict() throws {
        let events = try Self.sampleEvents()
        var scrambler = JSONScrambler(seed: 1_794_09_28)
        var tally = Tally()
        let rounds = 4_000
        for round in 0..<rounds {
            let event = events.randomElement(using: &scrambler.random)!
            let (prev, hash) = Self.chainColumns(of: event, &scrambler)
            let body = try Self.mutate(EventSchema.bodyBytes(of: event), round: round, &scrambler)
            Self.expectSameVerdict(body: body, prev: prev, hash: hash, &tally)
        }
        #expect(tally.accepted > rounds / 5)
        #expect(tally.refused > rounds / 5)
    }
}
