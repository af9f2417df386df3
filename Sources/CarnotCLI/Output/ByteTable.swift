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
    let layout: TextTable
    private var bytes: [UInt8] = []
    /// Where each cell ends in `bytes`, row after row.
    private var ends: [Int] = []
    /// Each cell's width in characters (`TextTable.length`).
    private var lengths: [Int] = []
    /// The widest cell of each column, headers included.
    private var natural: [Int]

    init(headers: [String]) {
        layout = TextTable(headers: headers)
        natural = headers.map(TextTable.length)
    }

    /// The number of whole rows added.
    var count: Int { ends.count / layout.headers.count }

    /// Adds the next cell, row after row, `headers.count` cells to a row.
    mutating func add(_ text: String) {
        // Over the contiguous bytes: printable ASCII, the usual case, is as wide as it is long; anything else
        // is counted as `String.count`.
        var text = text
        let (count, ascii) = text.withUTF8 { cell in
            bytes.append(contentsOf: cell)
            return (cell.count, cell.allSatisfy { $0 &- 0x20 < 0x5F })
        }
        let length = ascii ? count : text.count
        let column = lengths.count % natural.count
        natural[column] = max(natural[column], length)
        lengths.append(length)
        ends.append(bytes.count)
    }

    /// The table fitted to `width` columns of text (nil: every cell whole), as `TextTable.renderedBytes`.
    func renderedBytes(width: Int?) -> [UInt8] {
        let columns = natural.count
        let widths = width.map { layout.fit(natural, into: $0) } ?? natural
        var out: [UInt8] = []
        out.reserveCapacity((widths.reduce(0, +) + TextTable.separator.utf8.count * columns + 1) * (count + 2))
        func put(_ cell: UnsafeBufferPointer<UInt8>, length: Int, column: Int) {
            if column > 0 { out.append(contentsOf: TextTable.separator.utf8) }
            var shown = length
            if length > widths[column] {
                let cut = TextTable.cut(String(decoding: cell, as: UTF8.self), to: widths[column])
                out.append(contentsOf: cut.utf8)
                shown = cut.count
            } else {
                out.append(contentsOf: cell)
            }
            if column < columns - 1 { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, widths[column] - shown))) }
        }
        for (column, header) in layout.headers.enumerated() {
            let length = TextTable.length(header)
            var text = header
            text.withUTF8 { put($0, length: length, column: column) }
        }
        out.append(UInt8(ascii: "\n"))
        for (column, width) in widths.enumerated() {
            if column > 0 { out.append(contentsOf: TextTable.separator.utf8) }
            out.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: width))
        }
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for (index, end) in ends.enumerated() {
                let column = index % columns
                if column == 0 { out.append(UInt8(ascii: "\n")) }
                put(UnsafeBufferPointer(rebasing: all[start..<end]), length: lengths[index], column: column)
                start = end
            }
        }
        return out
    }
}
