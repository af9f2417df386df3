import CarnotRegistry
import Foundation

/// Writes a synthetic log in the import format, a megabyte at a time.
enum SyntheticLogFile {
    /// What `write` leaves to the caller.
    struct Written {
        /// The events after the first `kept`, in log order, to append later.
        let tail: [RecordedEvent]
        /// The entity the most events of the file name, and how many: the worst case of `carnot history ID`.
        let busiest: (id: EntityID, events: Int)?
    }

    /// Writes the first `kept` events of the log `parameters` describe to `path`; returns the others.
    @discardableResult
    static func write(_ parameters: SyntheticLog.Parameters, to path: String, keeping kept: Int) throws -> Written {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchError("cannot write \(path)")
        }
        defer { try? handle.close() }
        var tail: [RecordedEvent] = []
        var counts: [EntityID: Int] = [:]
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        try SyntheticLog.generate(parameters) { event in
            guard event.seq <= kept else { tail.append(event); return }
            for entity in event.event.entities { counts[entity, default: 0] += 1 }
            buffer += EventSchema.line(of: event)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        return Written(tail: tail, busiest: counts.max { ($0.value, $1.key) < ($1.value, $0.key) }.map { ($0.key, $0.value) })
    }
}
