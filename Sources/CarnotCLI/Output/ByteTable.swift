import Foundation

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
    /// Ends each cell's text: 0xFF never occurs in UTF-8, so the cells need no array of their bounds, and
    /// rendering finds each end with `memchr`.
    private static let cellEnd: UInt8 = 0xFF
    /// Starts a cell that is not all printable ASCII (0xFE never occurs in UTF-8 either): such a cell's
    /// width is counted again when rendering; any other is as wide as it is long.
    private static let otherStart: UInt8 = 0xFE
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
        let ascii = text.withUnsafeBufferPointer { Self.isPrintableASCII(UnsafeBufferPointer(rebasing: $0[start...])) }
        let length = ascii ? text.count - start : Self.otherLength(text[start...])
        if length > natural[column] { natural[column] = length }
        if !ascii { text.insert(Self.otherStart, at: start) }
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

    /// True for printable ASCII, the usual cell, which is as wide as it is long (`TextTable.length`).
    private static func isPrintableASCII(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        cell.allSatisfy { $0 &- 0x20 < 0x5F }
    }

    /// The width of any other cell, as `TextTable.length` counts it: `String.count`.
    private static func otherLength(_ cell: some Collection<UInt8>) -> Int {
        String(decoding: cell, as: UTF8.self).count
    }

    /// The table fitted to `width` columns of text (nil: every cell whole), as `TextTable.renderedBytes`.
    func renderedBytes(width: Int?) -> [UInt8] {
        var bytes: [UInt8] = []
        render(width: width) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Renders the table fitted to `width` columns of text (nil: every cell whole), as
    /// `TextTable.renderedBytes`, in blocks of `BufferedOutput.blockSize` handed to `write` as they fill.
    ///
    /// Written through a pointer into one block: tens of thousands of rows cost copying their cells and
    /// filling their padding, not an append with its checks per piece, nor the fresh pages of a buffer
    /// holding the whole table.
    func render(width: Int?, _ write: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(write) { write in
            var out = BlockWriter(write)
            render(width: width, to: &out)
            out.finish()
        }
    }

    private func render(width: Int?, to out: inout BlockWriter) {
        let columns = natural.count
        let widths = width.map { layout.fit(natural, into: $0) } ?? natural
        let separator = Array(TextTable.separator.utf8)
        func put(_ cell: UnsafeBufferPointer<UInt8>, length: Int, column: Int) {
            if column > 0 { separator.withUnsafeBufferPointer { out.copy($0) } }
            var shown = length
            if length > widths[column] {
                var cut = TextTable.cut(String(decoding: cell, as: UTF8.self), to: widths[column])
                cut.withUTF8 { out.copy($0) }
                shown = cut.count
            } else {
                out.copy(cell)
            }
            if column < columns - 1 { out.fill(UInt8(ascii: " "), widths[column] - shown) }
        }
        for (column, header) in layout.headers.enumerated() {
            var text = header
            text.withUTF8 { put($0, length: TextTable.length(header), column: column) }
        }
        out.fill(UInt8(ascii: "\n"), 1)
        for (column, width) in widths.enumerated() {
            if column > 0 { separator.withUnsafeBufferPointer { out.copy($0) } }
            out.fill(UInt8(ascii: "-"), width)
        }
        var column = 0
        for chunk in chunks + [text] {
            chunk.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                // Only whole cells: the text of a cell not yet ended is not shown.
                var from = 0
                while from < all.count, let found = memchr(base + from, Int32(Self.cellEnd), all.count - from) {
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if column == 0 { out.fill(UInt8(ascii: "\n"), 1) }
                    if from < end, base[from] == Self.otherStart {
                        let cell = UnsafeBufferPointer(start: base + from + 1, count: end - from - 1)
                        put(cell, length: Self.otherLength(cell), column: column)
                    } else {
                        put(UnsafeBufferPointer(start: base + from, count: end - from), length: end - from, column: column)
                    }
                    from = end + 1
                    column = column + 1 < columns ? column + 1 : 0
                }
            }
        }
    }
}
