/// Where a listing writes the cells of its rows, each straight as bytes (`ByteTable`, `DelimitedCells`):
/// `carnot history` writes tens of thousands of rows, and a `String` per cell was a third of its time.
protocol CellSink {
    /// The text of the cell being written: append to it, then call `endCell`.
    var text: [UInt8] { get set }
    /// Ends the cell appended to `text`.
    mutating func endCell()
}

extension CellSink {
    /// Appends `cell` as the next whole cell.
    mutating func add(_ cell: String) {
        // Over the contiguous bytes: appending the `utf8` view went byte by byte.
        var cell = cell
        cell.withUTF8 { text.append(contentsOf: $0) }
        endCell()
    }
}
