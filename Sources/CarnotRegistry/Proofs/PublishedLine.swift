/// An event's published line rebuilt from its stored body, for the Merkle leaf of every appended event.
///
/// The line is the body with `prev` and `hash` added, in canonical JSON (keys sorted by UTF-8 bytes). The
/// body is canonical already, so the two members are spliced in at their sorted places among the top-level
/// keys rather than decoding and re-encoding the event: the same bytes as `EventSchema.line(of:)` (tested),
/// at a fraction of the cost on the append path.
enum PublishedLine {
    static func splice(body: [UInt8], prev: String, hash: String) -> [UInt8] {
        // Two passes: find where the members go, then copy the body in runs around them. Byte by byte into
        // the output, with an array of pending members, it was a tenth of an import's reading of a line.
        let places = body.withUnsafeBufferPointer { insertionPlaces(in: $0) }
        var output: [UInt8] = []
        output.reserveCapacity(body.count + hash.utf8.count + prev.utf8.count + 20)
        var copied = 0
        for (member, place) in places.enumerated() {
            output.append(contentsOf: body[copied..<place.offset])
            copied = place.offset
            if place.beforeKey {
                appendMember(member, to: &output, prev: prev, hash: hash)
                output.append(UInt8(ascii: ","))
            } else {
                output.append(UInt8(ascii: ","))
                appendMember(member, to: &output, prev: prev, hash: hash)
            }
        }
        output.append(contentsOf: body[copied...])
        return output
    }

    /// Member 0 is `hash`, member 1 `prev`: their keys' sorted order.
    private static func appendMember(_ member: Int, to output: inout [UInt8], prev: String, hash: String) {
        output.append(contentsOf: member == 0 ? #""hash":""#.utf8 : #""prev":""#.utf8)
        output.append(contentsOf: (member == 0 ? hash : prev).utf8)
        output.append(UInt8(ascii: "\""))
    }

    /// Where `hash` and `prev` go, in that order: before the first top-level key that sorts after theirs
    /// (then followed by a comma), or else before the object's closing brace (then preceded by one).
    private static func insertionPlaces(in body: UnsafeBufferPointer<UInt8>) -> [(offset: Int, beforeKey: Bool)] {
        let keys: [StaticString] = ["hash", "prev"]
        var places: [(offset: Int, beforeKey: Bool)] = []
        places.reserveCapacity(2)
        var depth = 0, inString = false, escaped = false
        var index = 0
        while index < body.count, places.count < 2 {
            let byte = body[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                // A top-level key starts right after '{' or ',' (canonical JSON has no spaces).
                if depth == 1, index > 0, body[index - 1] == UInt8(ascii: "{") || body[index - 1] == UInt8(ascii: ",") {
                    var end = index + 1
                    while end < body.count, body[end] != UInt8(ascii: "\"") { end += 1 }
                    let key = UnsafeBufferPointer(rebasing: body[(index + 1)..<min(end, body.count)])
                    while places.count < 2 {
                        let pending = keys[places.count]
                        let precedes = pending.withUTF8Buffer { $0.lexicographicallyPrecedes(key) }
                        guard precedes else { break }
                        places.append((index, true))
                    }
                }
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 1 {
                    while places.count < 2 { places.append((index, false)) }
                }
                depth -= 1
            default:
                break
            }
            index += 1
        }
        return places
    }
}
