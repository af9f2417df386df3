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
    func rendered(width: Int?) -> String {
        let natural = headers.indices.map { column in
            ([headers] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        let widths = width.map { fit(natural, into: $0) } ?? natural
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let shown = Self.cut(cell, to: widths.indices.contains(index) ? widths[index] : cell.count)
                return index == cells.count - 1 ? shown : shown + String(repeating: " ", count: max(0, widths[index] - shown.count))
            }.joined(separator: Self.separator)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: Self.separator)
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
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
