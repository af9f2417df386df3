extension TextTable {
    /// The table as CSV (RFC 4180): a header line, CRLF line ends, and a field quoted with `"` (doubled
    /// inside) when it holds a comma, a quote or a line break.
    var csv: String {
        ([headers] + rows).map { cells in
            cells.map { cell in
                guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return cell }
                return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }.joined(separator: ",") + "\r\n"
        }.joined()
    }

    /// The table as tab-separated values (IANA text/tab-separated-values): a field cannot hold a tab or a
    /// line break, so each becomes a space.
    var tsv: String {
        ([headers] + rows).map { cells in
            cells.map { cell in
                String(cell.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
            }.joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
    }
}
