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
struct ByteTable: CellSink {
    /// Ends each cell's text: 0xFF never occurs in UTF-8, so the cells need no array of their bounds.
    private static let cellEnd: UInt8 = 0xFF
    /// The text a chunk holds before the next row starts a new one.
    private static let chunkBytes = 1 << 18
    /// Room for a chunk and the row that passes its size, so that a chunk never grows.
    private static let chunkCapacity = chunkBytes + (1 << 15)

    let layout: TextTable
    /// The cells of the current chunk, each ended by `cellEnd`, then the text of the cell being written.
    ///
    /// The cells are kept in chunks, not in one array grown by doubling: at 20,000 rows the doublings'
    /// copies and the fresh pages they touched were a fifth of `carnot history`'s time.
    var text: [UInt8] = []
    /// Where the cell being written starts in `text`.
    private var start = 0
    /// The full chunks before `text`.
    private var chunks: [[UInt8]] = []
    /// The cells ended so far.
    private var cellCount = 0
    /// The widest cell of each column, headers included.
    private var natural: [Int]
    /// The column of the next cell.
    private var column = 0

    init(headers: [String]) {
        layout = TextTable(headers: headers)
        natural = headers.map(TextTable.length)
        text.reserveCapacity(Self.chunkCapacity)
    }

    /// The number of whole rows added.
    var count: Int { cellCount / layout.headers.count }

    /// Ends the cell whose text was appended to `text` since the last one ended.
    mutating func endCell() {
        let length = text.withUnsafeBufferPointer { Self.length(UnsafeBufferPointer(rebasing: $0[start...])) }
        if length > natural[column] { natural[column] = length }
        text.append(Self.cellEnd)
        start = text.count
        cellCount += 1
        column = column + 1 < natural.count ? column + 1 : 0
        if column == 0, text.count >= Self.chunkBytes {
            chunks.append(text)
            text = []
            text.reserveCapacity(Self.chunkCapacity)
            start = 0
        }
    }

    /// A cell's width in characters, as `TextTable.length`: printable ASCII, the usual case, is as wide as
    /// it is long; anything else is counted as `String.count`.
    private static func length(_ cell: UnsafeBufferPointer<UInt8>) -> Int {
        cell.allSatisfy { $0 &- 0x20 < 0x5F } ? cell.count : String(decoding: cell, as: UTF8.self).count
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
        let textBytes = chunks.reduce(text.count) { $0 + $1.count }
        let capacity = textBytes + headerBytes + lineBytes * (count + 3) + 3 * (cellCount + columns)
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
            var column = 0
            for chunk in chunks + [text] {
                chunk.withUnsafeBufferPointer { all in
                    // Only whole cells: the text of a cell not yet ended is not shown.
                    var from = 0
                    while let end = all[from...].firstIndex(of: Self.cellEnd) {
                        if column == 0 { fill(UInt8(ascii: "\n"), 1) }
                        let cell = UnsafeBufferPointer(rebasing: all[from..<end])
                        put(cell, length: Self.length(cell), column: column)
                        from = end + 1
                        column = column + 1 < columns ? column + 1 : 0
                    }
                }
            }
            written = at
        }
    }
}
