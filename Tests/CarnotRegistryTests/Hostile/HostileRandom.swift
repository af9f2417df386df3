import CarnotRegistry

/// Hostile inputs come from the library's fixed-seed generator, so every fuzz run mutates the same bytes.
typealias HostileRandom = SeededGenerator

extension SeededGenerator {
    /// `bytes` with one random mutation: a flipped bit, a byte removed or inserted, a cut, or a hostile
    /// fragment spliced in.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return [0xFF] }
        var result = bytes
        let at = Int.random(in: 0..<result.count, using: &self)
        switch Int.random(in: 0..<6, using: &self) {
        case 0: result[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &self))
        case 1: result.remove(at: at)
        case 2: result.insert(UInt8.random(in: 0...255, using: &self), at: at)
        case 3: result = Array(result[..<at])
        case 4:
            let fragments = ["\u{0}", "\"", "\\", "'; DROP TABLE events;--", "{", "[", "\u{1F}", "2019-02-30", "0000-01-01",
                             "-1", "99999999999999999999", "1.5", "null", "\"type\":\"x\",", "\u{FEFF}"]
            result.insert(contentsOf: Array(fragments.randomElement(using: &self)!.utf8), at: at)
        default:
            let invalidUTF8: [[UInt8]] = [[0xC3], [0xE2, 0x82], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF]]
            result.insert(contentsOf: invalidUTF8.randomElement(using: &self)!, at: at)
        }
        return result
    }
}
