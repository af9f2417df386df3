import Testing
@testable import CarnotRegistry

/// The positions a write keeps per key of the entity index answer as the index would: every position in the
/// asked range, in order, each once, including those the write files after reading the key.
@Suite struct FiledPositionsTests {
    @Test func aKeptKeyAnswersTheRangeAskedAndAKeyNeverReadIsNotKnown() {
        var kept = FiledPositions()
        kept.keep([3, 8, 15, 40], under: "tsn")

        #expect(kept.positions(under: "tsn", after: 0, before: .max) == [3, 8, 15, 40])
        #expect(kept.positions(under: "tsn", after: 8, before: 40) == [15])
        #expect(kept.positions(under: "tsn", after: 40, before: .max) == [])
        #expect(kept.positions(under: "leti", after: 0, before: .max) == nil)
    }

    @Test func positionsFiledAfterTheReadAreAnsweredToo() {
        var kept = FiledPositions()
        kept.keep([], under: "tsn")
        kept.keep([5], under: "leti")

        kept.filed(41, under: "tsn")
        kept.filed(41, under: "tsn")
        kept.filed(42, under: "leti")
        kept.filed(43, under: "cea-list")

        #expect(kept.positions(under: "tsn", after: 0, before: .max) == [41])
        #expect(kept.positions(under: "leti", after: 5, before: .max) == [42])
        #expect(kept.positions(under: "cea-list", after: 0, before: .max) == nil)
    }

    @Test func aPositionFiledOutOfLogOrderDropsTheKeySoThatItIsReadAgain() {
        var kept = FiledPositions()
        kept.keep([10, 20], under: "tsn")

        kept.filed(15, under: "tsn")

        #expect(kept.positions(under: "tsn", after: 0, before: .max) == nil)
    }
}
