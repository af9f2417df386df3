import Testing
@testable import CarnotCLI
import CarnotRegistry

/// `ByteTable`, which `carnot history` fills cell by cell and renders in blocks, against `TextTable`, the
/// table every other listing prints: the same bytes for the same rows, at every width, for cells of ASCII,
/// of other characters and empty, over enough rows to fill several of its chunks and blocks.
@Suite struct ByteTableTests {
    static let headers = ["SEQ", "EFFECTIVE", "EVENT", "SOURCE", "STATUS"]
    static let pieces = ["inst-0001", "école", "Énergies marines", "", "corrected by 12", "…", "漢字", "a b c",
                         "https://example.org/a/very/long/address/that/will/not/fit/in/a/narrow/column"]

    static func rows(_ count: Int, seed: UInt64) -> [[String]] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            [String(index)] + (1..<headers.count).map { _ in
                (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                    .joined(separator: " ")
            }
        }
    }

    @Test(arguments: [(3, UInt64(1)), (9_000, UInt64(2))])
    func aByteTableRendersTheBytesATextTableRendersAtEveryWidth(count: Int, seed: UInt64) {
        let rows = Self.rows(count, seed: seed)
        var text = TextTable(headers: Self.headers)
        var bytes = ByteTable(headers: Self.headers)
        for row in rows {
            text.add(row)
            for cell in row { bytes.add(cell) }
        }
        #expect(bytes.count == count)
        for width in [nil, 40, 60, 100, 200] as [Int?] {
            let expected = text.renderedBytes(width: width)
            #expect(expected.count > BufferedOutput.blockSize || count < 100)
            #expect(bytes.renderedBytes(width: width) == expected, "width \(width.map(String.init) ?? "none")")
        }
    }

    @Test func aCellWrittenInPiecesIsOneCell() {
        var whole = ByteTable(headers: ["A", "B"])
        whole.add("école 12"); whole.add("x")
        var pieces = ByteTable(headers: ["A", "B"])
        pieces.text.append(contentsOf: "école".utf8)
        pieces.text.append(contentsOf: " 12".utf8)
        pieces.endCell()
        pieces.add("x")
        #expect(pieces.renderedBytes(width: nil) == whole.renderedBytes(width: nil))
        #expect(pieces.renderedBytes(width: 12) == whole.renderedBytes(width: 12))
    }
}
