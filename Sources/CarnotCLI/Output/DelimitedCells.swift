/// A `CellSink` that prints each row as one delimited line, as `TextTable.csvLine` and `tsvLine` print it:
/// the cells joined by `separator`, each written through `field`, then `end`.
struct DelimitedCells: CellSink {
    var text: [UInt8] = []
    let separator: String
    let end: String
    let field: (String) -> String
    let out: BufferedOutput
    private var first = true

    init(separator: String, end: String, field: @escaping (String) -> String, to out: BufferedOutput) {
        self.separator = separator
        self.end = end
        self.field = field
        self.out = out
    }

    mutating func endCell() {
        if !first { out.write(separator) }
        first = false
        out.write(field(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }

    /// Ends the row's line.
    mutating func endRow() {
        out.write(end)
        first = true
    }
}
