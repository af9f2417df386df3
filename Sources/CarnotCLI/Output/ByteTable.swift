/// A `TextTable` whose cells are kept as bytes, one after the other, for a listing of many thousands of rows
/// (`carnot history`): a row costs its text, not an array of strings and an array of their widths.
///
/// It renders exactly the bytes `TextTable.renderedBytes` renders for the same cells, narrowed and cut the
/// same way (it asks `TextTable` how).
///
/// ```swift
/// var table = ByteTable(headers: ["SEQ", "EVENT"])
/// table.add("12"); table.add("school renamed")
/// print(String(decoding: table.renderedBytes(width: 80), as: UTF8.self))
/// ```
struct ByteTable {
    /// One cell: where it ends in `bytes` (it starts where the previous one ends) and its width in
    /// characters (`TextTable.length`).
    private struct Cell {
        let end: Int
        let length: Int
    }

    let layout: TextTable
    private var bytes: [UInt8] = []
    private var cells: [Cell] = []
    /// The widest cell of each column, headers included.
    private var natural: [Int]
    /// The column of the next cell.
    private var column = 0

    init(headers: [String]) {
        layout = TextTable(headers: headers)
        natural = headers.map(TextTable.length)
    }

    /// The number of whole rows added.
    var count: Int { cells.count / layout.headers.count }

    /// Adds the next cell, row after row, `headers.count` cells to a row.
    mutating func add(_ text: String) {
        // Over the contiguous bytes: printable ASCII, the usual case, is as wide as it is long; anything else
        // is counted as `String.count`.
        var text = text
        let length = text.withUTF8 { cell in
            bytes.append(contentsOf: cell)
            return cell.allSatisfy { $0 &- 0x20 < 0x5F } ? cell.count : nil
        } ?? text.count
        if length > natural[column] { natural[column] = length }
        cells.append(Cell(end: bytes.count, length: length))
        column = column + 1 < natural.count ? column + 1 : 0
    }

    /// The table fitted to `width` columns of text (nil: every cell whole), as `TextTable.renderedBytes`.
    ///
    /// Written through a pointer into a buffer sized once for the most the table can take: tens of thousands
    /// of rows cost copying their cells and filling their padding, not an append with its checks per piece.
    func renderedBytes(width: Int?) -> [UInt8] {
        let columns = natural.count
        let widths = width.map { layout.fit(natural, into: $0) } ?? natural
        let separator = Array(TextTable.separator.utf8)
        let headerBytes = layout.headers.reduce(0) { $0 + $1.utf8.count }
        // Each line at most its widths and separators (padding) besides its cells' bytes; a cut cell may take
        // up to 3 bytes more than it had (its `…`).
        let lineBytes = widths.reduce(0, +) + separator.count * columns + 1
        let capacity = bytes.count + headerBytes + lineBytes * (count + 3) + 3 * (cells.count + columns)
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            var at = 0
            func copy(_ piece: UnsafeBufferPointer<UInt8>) {
                guard let source = piece.baseAddress, !piece.isEmpty else { return }
                precondition(at + piece.count <= capacity, "ByteTable's capacity is short of its text")
                (out.baseAddress! + at).initialize(from: source, count: piece.count)
                at += piece.count
            }
            func fill(_ byte: UInt8, _ count: Int) {
                guard count > 0 else { return }
                precondition(at + count <= capacity, "ByteTable's capacity is short of its padding")
                (out.baseAddress! + at).initialize(repeating: byte, count: count)
                at += count
            }
            func put(_ cell: UnsafeBufferPointer<UInt8>, length: Int, column: Int) {
                if column > 0 { separator.withUnsafeBufferPointer(copy) }
                var shown = length
                if length > widths[column] {
                    var cut = TextTable.cut(String(decoding: cell, as: UTF8.self), to: widths[column])
                    cut.withUTF8(copy)
                    shown = cut.count
                } else {
                    copy(cell)
                }
                if column < columns - 1 { fill(UInt8(ascii: " "), widths[column] - shown) }
            }
            for (column, header) in layout.headers.enumerated() {
                var text = header
                text.withUTF8 { put($0, length: TextTable.length(header), column: column) }
            }
            fill(UInt8(ascii: "\n"), 1)
            for (column, width) in widths.enumerated() {
                if column > 0 { separator.withUnsafeBufferPointer(copy) }
                fill(UInt8(ascii: "-"), width)
            }
            bytes.withUnsafeBufferPointer { all in
                var start = 0, column = 0
                for cell in cells {
                    if column == 0 { fill(UInt8(ascii: "\n"), 1) }
                    put(UnsafeBufferPointer(rebasing: all[start..<cell.end]), length: cell.length, column: column)
                    start = cell.end
                    column = column + 1 < columns ? column + 1 : 0
                }
            }
            written = at
        }
    }
}
