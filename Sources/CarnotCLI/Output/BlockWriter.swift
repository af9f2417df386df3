/// Bytes written through a pointer into one block of `BufferedOutput.blockSize`, handed to `write` each
/// time it fills: what `ByteTable.render` writes a table of tens of thousands of rows through.
///
/// A struct with its position as a stored property: as local functions sharing a captured position, every
/// copy and fill paid a dynamic exclusivity check (`swift_beginAccess` and its access set: 2.6 % of the samples
/// of `carnot history cons-001` at 1M).
struct BlockWriter {
    private let block = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: BufferedOutput.blockSize)
    private var at = 0
    private let write: (UnsafeBufferPointer<UInt8>) -> Void

    /// A writer handing its blocks to `write`; `finish` hands the last one and frees the block.
    init(_ write: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.write = write
    }

    /// Appends `piece`; a piece larger than a block is handed on whole, after what the block holds.
    mutating func copy(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let source = piece.baseAddress, !piece.isEmpty else { return }
        if at + piece.count > block.count {
            flush()
            guard piece.count <= block.count else { return write(piece) }
        }
        (block.baseAddress! + at).initialize(from: source, count: piece.count)
        at += piece.count
    }

    /// Appends `byte` `count` times.
    mutating func fill(_ byte: UInt8, _ count: Int) {
        var rest = count
        while rest > 0 {
            if at == block.count { flush() }
            let run = min(rest, block.count - at)
            (block.baseAddress! + at).initialize(repeating: byte, count: run)
            at += run
            rest -= run
        }
    }

    /// Hands on what the block holds and frees it: the writer is not used after.
    mutating func finish() {
        flush()
        block.deallocate()
    }

    private mutating func flush() {
        if at > 0 { write(UnsafeBufferPointer(rebasing: block[..<at])) }
        at = 0
    }
}
