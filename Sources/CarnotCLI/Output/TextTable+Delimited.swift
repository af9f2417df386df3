extension TextTable {
    /// The table as CSV (RFC 4180): a header line, CRLF line ends, and a field quoted with `"` (doubled
    /// inside) when it holds a comma, a quote or a line break.
    var csv: String {
        ([headers] + rows).map { Self.csvLine($0) + "\r\n" }.joined()
    }

    /// The table as tab-separated values (IANA text/tab-separated-values): a field cannot hold a tab or a
    /// line break, so each becomes a space.
    var tsv: String {
        ([headers] + rows).map(Self.tsvLine).joined(separator: "\n") + "\n"
    }

    /// One CSV record, without its line end: what `csv` prints for `cells`, for a listing printed as it is read.
    static func csvLine(_ cells: [String]) -> String {
        cells.map(csvField).joined(separator: ",")
    }

    /// One field of a CSV record: `cell`, quoted when it must be.
    static func csvField(_ cell: String) -> String {
        // The bytes first: most cells hold none of these, and need no walk of their characters.
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }),
              cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One TSV line, without its line end: what `tsv` prints for `cells`.
    static func tsvLine(_ cells: [String]) -> String {
        cells.map(tsvField).joined(separator: "\t")
    }

    /// One field of a TSV line: `cell` with its tabs and line breaks made spaces.
    static func tsvField(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        return String(cell.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
