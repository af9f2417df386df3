import Foundation

/// Reads and writes the published log: NDJSON, one canonical event per line, in files named
/// `recorded-YYYY.ndjson` after the year events were recorded, read in name order.
public enum LogFile {
    /// One event read from a file, with where it came from and its exact body bytes.
    public struct Entry: Sendable {
        public let event: RecordedEvent
        public let body: [UInt8]
        public let file: String
        public let line: Int
    }

    /// The `.ndjson` files at `path`: the file itself, or those in the folder, sorted by name.
    public static func files(at path: String) throws(LogLineError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw LogLineError(file: path, line: 0, kind: .malformed, message: "no such file or folder")
        }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { $0.hasSuffix(".ndjson") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else {
            throw LogLineError(file: path, line: 0, kind: .malformed, message: "the folder holds no .ndjson file")
        }
        return files
    }

    /// Reads every event at `path`, checking each line's own hash; stops at the first bad line.
    public static func read(_ path: String) throws(LogLineError) -> [Entry] {
        var entries: [Entry] = []
        for file in try files(at: path) {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw LogLineError(file: file, line: 0, kind: .malformed, message: "cannot read the file")
            }
            let bytes = [UInt8](data)
            var lineNumber = 0
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                lineNumber += 1
                let line = Array(bytes[start..<end])
                start = end + 1
                if line.isEmpty { continue }
                entries.append(try entry(line, file: file, line: lineNumber))
            }
        }
        return entries
    }

    /// Decodes one line and checks that it is canonical and that its hash covers it.
    static func entry(_ line: [UInt8], file: String, line number: Int) throws(LogLineError) -> Entry {
        func fail(_ kind: LogLineError.Kind, _ message: String) -> LogLineError {
            LogLineError(file: file, line: number, kind: kind, message: message)
        }
        let json: JSONValue
        do { json = try JSONParser.parse(line) } catch { throw fail(.malformed, error.description) }
        let event: RecordedEvent
        do { event = try EventSchema.decodeRecorded(json) } catch { throw fail(.malformed, error.description) }
        let body = CanonicalJSON.bytes(EventSchema.body(of: event))
        guard EventSchema.line(of: event) == line else {
            throw fail(.malformed, "the line is not in canonical form (sorted keys, no spaces, every field written out)")
        }
        let computed = EventSchema.hash(prev: event.prev, body: body)
        guard computed == event.hash else {
            throw fail(.integrity, "hash: the line's hash does not match its content (computed \(computed.prefix(12))...): the line was altered")
        }
        return Entry(event: event, body: body, file: file, line: number)
    }

    /// Writes `events` into `folder`, one file per year of record; returns the files written.
    public static func write(_ events: [RecordedEvent], to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var byYear: [Int: [UInt8]] = [:]
        for event in events {
            byYear[event.recorded.day.year, default: []].append(contentsOf: EventSchema.line(of: event) + [0x0A])
        }
        var written: [String] = []
        for year in byYear.keys.sorted() {
            let path = (folder as NSString).appendingPathComponent("recorded-\(year).ndjson")
            try Data(byYear[year]!).write(to: URL(fileURLWithPath: path), options: .atomic)
            written.append(path)
        }
        return written
    }
}
