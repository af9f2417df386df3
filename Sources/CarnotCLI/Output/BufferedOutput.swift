import Foundation

/// Standard output written in blocks: a listing of thousands of lines costs a few writes, not one per line,
/// and is printed as it is made rather than built whole first.
///
/// ```swift
/// let out = BufferedOutput()
/// for line in lines { out.line(line) }
/// out.flush()
/// ```
final class BufferedOutput {
    /// Bytes held before a write: large enough to make writes rare, small enough to stream.
    static let blockSize = 1 << 16
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(Self.blockSize + 4096) }

    deinit { flush() }

    /// Appends `text` and a line end.
    func line(_ text: String) {
        write(text)
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Appends `bytes` and a line end.
    func line(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.blockSize { flush() }
    }

    /// Appends `text` as it is.
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { flush() }
    }

    /// Writes what is held.
    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
