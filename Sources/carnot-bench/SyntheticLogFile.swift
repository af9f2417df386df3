import CarnotRegistry
import Foundation

/// Writes a synthetic log in the import format, a megabyte at a time.
enum SyntheticLogFile {
    /// Writes the first `kept` events of the log `parameters` describe to `path`; returns the others.
    static func write(_ parameters: SyntheticLog.Parameters, to path: String, keeping kept: Int) throws -> [RecordedEvent] {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchError("cannot write \(path)")
        }
        defer { try? handle.close() }
        var tail: [RecordedEvent] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        try SyntheticLog.generate(parameters) { event in
            guard event.seq <= kept else { tail.append(event); return }
            buffer += EventSchema.line(of: event)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        return tail
    }
}
