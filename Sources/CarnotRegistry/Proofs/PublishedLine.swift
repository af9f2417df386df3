/// An event's published line rebuilt from its stored body, for the Merkle leaf of every appended event.
///
/// The line is the body with `prev` and `hash` added, in canonical JSON (keys sorted by UTF-8 bytes). The
/// body is canonical already, so the two members are spliced in at their sorted places among the top-level
/// keys rather than decoding and re-encoding the event: the same bytes as `EventSchema.line(of:)` (tested),
/// at a fraction of the cost on the append path.
enum PublishedLine {
    static func splice(body: [UInt8], prev: String, hash: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count + 160)
        var pending: [(key: [UInt8], member: [UInt8])] = [
            (Array("hash".utf8), Array("\"hash\":\"\(hash)\"".utf8)),
            (Array("prev".utf8), Array("\"prev\":\"\(prev)\"".utf8)),
        ]
        var depth = 0, inString = false, escaped = false
        var index = 0
        while index < body.count {
            let byte = body[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                output.append(byte)
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                // A top-level key starts right after '{' or ',' (canonical JSON has no spaces).
                if depth == 1, index > 0, body[index - 1] == UInt8(ascii: "{") || body[index - 1] == UInt8(ascii: ",") {
                    var end = index + 1
                    while end < body.count, body[end] != UInt8(ascii: "\"") { end += 1 }
                    let key = body[(index + 1)..<min(end, body.count)]
                    while let next = pending.first, next.key.lexicographicallyPrecedes(key) {
                        output.append(contentsOf: next.member + [UInt8(ascii: ",")])
                        pending.removeFirst()
                    }
                }
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 1 {
                    for next in pending { output.append(contentsOf: [UInt8(ascii: ",")] + next.member) }
                    pending.removeAll()
                }
                depth -= 1
            default:
                break
            }
            output.append(byte)
            index += 1
        }
        return output
    }
}
