/// A plain-text table with a header row and columns padded to their widest cell.
///
/// When the table is wider than the terminal (`TableStyle.current`), the widest columns other than the
/// first (the id or position a reader copies) are narrowed and their long cells cut with `…`; `--wide`
/// prints every cell whole. `--format csv` / `tsv` print the same cells undecorated.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []

    /// The narrowest a shrunk column gets: enough to recognise a name or a date.
    static let minimumColumnWidth = 10
    static let separator = "  "
    /// Columns whose values are copied exactly (into --upto, --known-at, --at): cut after the free text.
    static let wholeValueHeaders: Set<String> = ["SEQ", "RECORDED", "EFFECTIVE", "AT", "HEAD", "SINCE", "REGISTERED",
                                                 "OPENED", "FORMED", "RESULTS", "CONFIDENCE"]

    init(_ headers: String...) { self.headers = headers }

    init(headers: [String]) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells) }

    mutating func add(_ cells: [String]) { rows.append(cells) }

    /// The table fitted to the current style's width (or whole when it has none).
    var rendered: String { rendered(width: TableStyle.current.width) }

    /// The table fitted to `width` columns of text; `nil` prints every cell whole.
    func rendered(width: Int?) -> String { String(decoding: renderedBytes(width: width), as: UTF8.self) }

    /// The table fitted to `width` as UTF-8, lines separated by line feeds (none after the last). Each cell is
    /// measured once and copied once: a history of thousands of rows costs what its text costs.
    func renderedBytes(width: Int?) -> [UInt8] {
        let headerLengths = headers.map(Self.length)
        let lengths = rows.map { $0.map(Self.length) }
        var natural = headerLengths
        for row in lengths {
            for column in natural.indices where column < row.count { natural[column] = max(natural[column], row[column]) }
        }
        let widths = width.map { fit(natural, into: $0) } ?? natural
        var bytes: [UInt8] = []
        bytes.reserveCapacity((widths.reduce(0, +) + Self.separator.utf8.count * widths.count + 1) * (rows.count + 2))
        func line(_ cells: [String], _ lengths: [Int]) {
            for (index, cell) in cells.enumerated() {
                if index > 0 { bytes.append(contentsOf: Self.separator.utf8) }
                let width = widths.indices.contains(index) ? widths[index] : lengths[index]
                var shown = lengths[index]
                if shown > width {
                    let cut = Self.cut(cell, to: width)
                    bytes.append(contentsOf: cut.utf8)
                    shown = cut.count
                } else {
                    bytes.append(contentsOf: cell.utf8)
                }
                if index < cells.count - 1 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, width - shown))) }
            }
        }
        line(headers, headerLengths)
        bytes.append(UInt8(ascii: "\n"))
        for (index, width) in widths.enumerated() {
            if index > 0 { bytes.append(contentsOf: Self.separator.utf8) }
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: width))
        }
        for (row, cells) in rows.enumerated() {
            bytes.append(UInt8(ascii: "\n"))
            line(cells, lengths[row])
        }
        return bytes
    }

    /// The width of `text` in characters (`String.count`): its byte count when it is printable ASCII, where
    /// they agree, without walking grapheme clusters.
    static func length(_ text: String) -> Int {
        // Over the contiguous bytes: a history of thousands of rows measures tens of thousands of cells.
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 &- 0x20 < 0x5F } } ? text.utf8.count : text.count
    }

    /// Column widths that fit `total`: the widest shrinkable column loses a character at a time until the
    /// line fits.
    func fit(_ natural: [Int], into total: Int) -> [Int] {
        var widths = natural
        let separators = Self.separator.count * max(0, widths.count - 1)
        var excess = widths.reduce(0, +) + separators - total
        // First the free-text columns down to a readable minimum, then the values a reader copies exactly (a
        // date, a record time) down to that minimum, then the free text further, and only then the first column.
        let rest = Array(widths.indices.dropFirst())
        let free = rest.filter { !Self.wholeValueHeaders.contains(headers[$0]) }
        let phases = [(free, Self.minimumColumnWidth), (rest, Self.minimumColumnWidth), (free, 4), (Array(widths.indices), 4)]
        for (columns, minimum) in phases {
            while excess > 0 {
                let shrinkable = columns.filter { widths[$0] > min(natural[$0], minimum) }
                guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
                excess -= 1
            }
        }
        return widths
    }

    /// `text` in at most `width` characters, ending with `…` when it was cut.
    static func cut(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }
}
