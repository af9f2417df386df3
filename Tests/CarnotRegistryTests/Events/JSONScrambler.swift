@testable import CarnotRegistry

/// Writes and bends JSON documents the way a hand-edited or hostile log could, from a fixed seed: the same
/// value spelt otherwise (members in another order, whitespace, escapes), or another value (a member set to
/// null, removed, added, or given another number, text or type).
struct JSONScrambler {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 1...100, using: &random) <= percent }

    // MARK: The same value, spelt otherwise

    /// `value` in valid JSON that is not canonical: members shuffled, whitespace between tokens, some
    /// characters of strings escaped (`\u0065`, `\/`).
    mutating func spell(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        spell(value, into: &output)
        return output
    }

    private mutating func spell(_ value: JSONValue, into output: inout [UInt8]) {
        space(&output)
        switch value {
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            var keys = members.keys.sorted()
            if chance(50) { keys.shuffle(using: &random) }
            for (index, key) in keys.enumerated() {
                if index > 0 { space(&output); output.append(UInt8(ascii: ",")) }
                space(&output)
                string(key, into: &output)
                space(&output)
                output.append(UInt8(ascii: ":"))
                spell(members[key]!, into: &output)
            }
            space(&output)
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                spell(element, into: &output)
            }
            space(&output)
            output.append(UInt8(ascii: "]"))
        case .string(let text):
            string(text, into: &output)
        default:
            CanonicalJSON.write(value, to: &output)
        }
        space(&output)
    }

    private mutating func space(_ output: inout [UInt8]) {
        guard chance(8) else { return }
        output += [[0x20], [0x0A], [0x09, 0x20], [0x0D, 0x0A]].randomElement(using: &random)!
    }

    /// A string with, now and then, one ASCII character written as an escape.
    private mutating func string(_ text: String, into output: inout [UInt8]) {
        var written: [UInt8] = []
        CanonicalJSON.writeString(text, to: &written)
        guard chance(10), written.count > 2 else { output += written; return }
        let at = Int.random(in: 1..<(written.count - 1), using: &random)
        let byte = written[at]
        guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "\""),
              written[at - 1] != UInt8(ascii: "\\") else { output += written; return }
        let escape = byte == UInt8(ascii: "/") && chance(50) ? "\\/" : "\\u00" + String(byte, radix: 16, uppercase: chance(50))
        output += written[..<at] + Array(escape.utf8) + written[(at + 1)...]
    }

    // MARK: Another value

    /// `value` with one member, at the top or in a nested object, changed.
    mutating func bend(_ value: JSONValue) -> JSONValue {
        guard case .object(var members) = value, let key = members.keys.sorted().randomElement(using: &random) else {
            return value
        }
        if case .object = members[key]!, chance(50) {
            members[key] = bend(members[key]!)
            return .object(members)
        }
        switch Int.random(in: 0..<6, using: &random) {
        case 0: members[key] = .null
        case 1: members[key] = nil
        case 2: members[["x", "Type", "notes", "prev", "hash", "payload2", "seq "].randomElement(using: &random)!] = other()
        case 3: members[key] = other()
        case 4: members[key] = number()
        default: members[key] = .string(text())
        }
        return .object(members)
    }

    private mutating func number() -> JSONValue {
        .integer([0, 1, -1, 2, 3, 100_000, 100_001, Int64.max, Int64.min, 1_000_000].randomElement(using: &random)!)
    }

    private mutating func text() -> String {
        ["", " ", "\u{A0}", "x", "a\u{7}b", "del\u{7F}", "c1\u{85}", "2011-04-28", "2011-02-29", "2011-04", "2011",
         "2026-11-21T02:05:13.336359Z", "2026-11-21T24:05:13.336359Z", "2026-11-21T02:05:13Z", String(repeating: "0", count: 64),
         String(repeating: "F", count: 64), "TSN", "tsn", "-a", "day", "month", "year", "probable", "member", "coordinator",
         "strategic-partner", "tremplin", "president", "institute.renamed", "person.registered", "e\u{301}",
         String(repeating: "é", count: 300), String(repeating: "a", count: 301), String(repeating: "b", count: 2_001)]
            .randomElement(using: &random)!
    }

    private mutating func other() -> JSONValue {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: .bool(chance(50))
        case 1: .array([.string(text())])
        case 2: .object([:])
        case 3: .array([])
        case 4: number()
        default: .string(text())
        }
    }
}
