import Testing
@testable import CarnotRegistry

/// One spelling per value: what is hashed and published.
struct CanonicalJSONTests {
    @Test func keysAreSortedByTheirUTF8BytesAtEveryLevel() {
        let value = JSONValue.object([
            "z": .integer(1), "a": .object(["é": .null, "b": .bool(true), "B": .bool(false)]), "Z": .array([]),
        ])

        #expect(CanonicalJSON.string(value) == #"{"Z":[],"a":{"B":false,"b":true,"é":null},"z":1}"#)
    }

    @Test func stringsEscapeOnlyQuotesBackslashesAndControlCharacters() {
        let value = JSONValue.string("\"\\/é\n\t\r\u{08}\u{0C}\u{01}\u{1F}😀")

        #expect(CanonicalJSON.string(value) == #""\"\\/é\n\t\r\b\f\u0001\u001f😀""#)
    }

    @Test func aDocumentReadWithSpacesAndEscapesIsWrittenWithoutThem() throws {
        let text = """
            { "b" : [ 1 , -2 , true ] ,
              "a" : "caf\\u00e9\\/" }
            """

        #expect(CanonicalJSON.string(try JSONParser.parse(text)) == #"{"a":"café/","b":[1,-2,true]}"#)
    }

    @Test(arguments: [
        JSONValue.null, .bool(true), .bool(false), .integer(0), .integer(-1), .integer(100_000),
        .integer(.max), .integer(.min),
        .string(""), .string("Télécom & Société numérique"), .string("line\nbreak \u{7F} \u{00} \"quoted\" \\"),
        .array([]), .object([:]),
        .array([.object(["k": .array([.null, .string("v")])]), .integer(3)]),
        .object(["events": .array([.object(["type": .string("label.granted"), "payload": .object(["probation": .bool(false)])])])]),
    ])
    func whatIsWrittenReadsBackAsTheSameValue(_ value: JSONValue) throws {
        let bytes = CanonicalJSON.bytes(value)

        let read = try JSONParser.parse(bytes)

        #expect(read == value)
        #expect(CanonicalJSON.bytes(read) == bytes)
    }
}
