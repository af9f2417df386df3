import Testing
@testable import CarnotRegistry

/// The reader refuses what a lenient reader would guess at, and says where.
struct JSONParserTests {
    @Test func aDuplicateKeyIsRefusedAtTheSecondKey() {
        let error = #expect(throws: JSONError.self) { try JSONParser.parse(#"{"name":"a","name":"b"}"#) }

        #expect(error?.offset == 12)
        #expect(error?.reason.contains("duplicate key") == true)
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22],                       // a byte that never occurs in UTF-8
        [0x22, 0x80, 0x22],                       // a lone continuation byte
        [0x22, 0xC3, 0x22],                       // a sequence cut short
        [0x22, 0xC0, 0xAF, 0x22],                 // an overlong encoding of '/'
        [0x22, 0xED, 0xA0, 0x80, 0x22],           // an encoded surrogate
        [0x22, 0x5C, 0x6E, 0xFF, 0x22],           // invalid after an escape
        [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], // invalid in a key
    ] as [[UInt8]])
    func invalidUTF8IsRefused(_ bytes: [UInt8]) {
        let error = #expect(throws: JSONError.self) { try JSONParser.parse(bytes) }

        #expect(error?.reason.contains("UTF-8") == true)
    }

    @Test(arguments: [0x00, 0x09, 0x0A, 0x0D, 0x1F] as [UInt8])
    func aRawControlCharacterInAStringIsRefused(_ control: UInt8) {
        let error = #expect(throws: JSONError.self) { try JSONParser.parse([0x22, 0x61, control, 0x62, 0x22]) }

        #expect(error?.offset == 2)
        #expect(error?.reason.contains("control character") == true)
    }

    @Test(arguments: ["1.5", "0.0", "1e3", "1E3", "-2.25", #"{"labelled":34.0}"#])
    func aFractionOrExponentIsRefused(_ text: String) {
        let error = #expect(throws: JSONError.self) { try JSONParser.parse(text) }

        #expect(error?.reason.contains("whole numbers") == true)
    }

    @Test(arguments: ["{} {}", "1 2", "[]x", #"{"a":1}}"#, "null,"])
    func dataAfterTheValueIsRefused(_ text: String) {
        let error = #expect(throws: JSONError.self) { try JSONParser.parse(text) }

        #expect(error?.reason.contains("after the JSON value") == true)
    }

    /// An array of `depth` arrays, or an object of `depth` objects, around a 1.
    private static func nested(_ kind: String, depth: Int) -> String {
        kind == "array"
            ? String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
            : String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
    }

    @Test(arguments: ["array", "object"])
    func nestingThirtyTwoLevelsDeepIsReadAndThirtyThreeIsRefused(_ kind: String) throws {
        _ = try JSONParser.parse(Self.nested(kind, depth: JSONParser.maximumDepth))

        let error = #expect(throws: JSONError.self) {
            try JSONParser.parse(Self.nested(kind, depth: JSONParser.maximumDepth + 1))
        }

        #expect(error?.reason.contains("nesting") == true)
    }

    @Test func hostileNestingIsRefusedWithoutExhaustingTheStack() {
        #expect(throws: JSONError.self) { try JSONParser.parse(String(repeating: "[", count: 100_000)) }
    }

    @Test(arguments: [
        (#""caf\u00e9""#, "café"),
        (#""\ud83d\ude00""#, "😀"),
        (#""a\/b\n""#, "a/b\n"),
        ("\"café\"", "café"),
    ])
    func escapesAndRawUTF8ReadAsTheSameText(_ text: String, _ expected: String) throws {
        #expect(try JSONParser.parse(text) == .string(expected))
    }

    @Test(arguments: [#""\ud83d""#, #""\ude00""#, #""\ud83dx""#])
    func anUnpairedSurrogateEscapeIsRefused(_ text: String) {
        let error = #expect(throws: JSONError.self) { try JSONParser.parse(text) }

        #expect(error?.reason.contains("surrogate") == true)
    }

    @Test func wholeNumbersUpToTheLargestInt64AreReadAndLargerOnesOrLeadingZerosRefused() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .integer(.max))
        #expect(try JSONParser.parse("-0") == .integer(0))
        #expect(throws: JSONError.self) { try JSONParser.parse("9223372036854775808") }
        #expect(throws: JSONError.self) { try JSONParser.parse("012") }
    }
}
