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

    /// Appends `bytes` and a line end; a block or more (a whole table) is written at once, not copied.
    func line(_ bytes: [UInt8]) {
        if bytes.count >= Self.blockSize {
            flush()
            Self.write(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.blockSize { flush() }
    }

    /// Appends `bytes` as they are; a block or more is written at once, not copied.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count >= Self.blockSize {
            flush()
            Self.write(UnsafeRawBufferPointer(bytes))
        } else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.blockSize { flush() }
        }
    }

    /// Appends `text` as it is.
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { flush() }
    }

    /// Writes what is held.
    func flush() {
        guard !buffer.isEmpty else { return }
        Self.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to standard output where they lie, without a copy into `Data`.
    private static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes(write)
    }

    private static func write(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
    }
}
