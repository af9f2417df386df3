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
        /// What `LogFile.entry` proved of the line, when it read it with `proving`: the line was canonical and
        /// hashed to `event.hash`, so an import takes the proof's leaf as the Merkle leaf and that hash as the
        /// event's, rather than splicing and hashing the body again, and its readback check as done.
        let proof: LineProof?

        public init(event: RecordedEvent, body: [UInt8], file: String, line: Int) {
            self.init(event: event, body: body, file: file, line: line, proof: nil)
        }

        init(event: RecordedEvent, body: [UInt8], file: String, line: Int, proof: LineProof?) {
            self.event = event
            self.body = body
            self.file = file
            self.line = line
            self.proof = proof
        }
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
    ///
    /// Holds the whole log in memory: for tests and small logs. `import` and `audit` stream it (`Reader`).
    public static func read(_ path: String) throws(LogLineError) -> [Entry] {
        let reader = try Reader(path)
        var entries: [Entry] = []
        while let entry = try reader.next() { entries.append(entry) }
        return entries
    }

    /// Decodes one line and checks that it is canonical and that its hash covers it.
    /// - Parameter proving: also work out what an import needs of the line (`LineProof`); `verify
    ///   --chain-only`, which imports nothing, does without.
    static func entry(_ line: [UInt8], file: String, line number: Int, proving: Bool = true) throws(LogLineError) -> Entry {
        func fail(_ kind: LogLineError.Kind, _ message: String) -> LogLineError {
            LogLineError(file: file, line: number, kind: kind, message: message)
        }
        // The byte decoder reads every line the log writes; what it refuses is read again the slow way, which
        // refuses the same lines and words the error as it always has.
        let event: RecordedEvent
        if let decoded = line.withUnsafeBytes({ bytes in try? FactDecoder.decodeLine(bytes) }) {
            event = decoded
        } else {
            let json: JSONValue
            do { json = try JSONParser.parse(line) } catch { throw fail(.malformed, error.description) }
            do { event = try EventSchema.decodeRecorded(json) } catch { throw fail(.malformed, error.description) }
        }
        let body = EventSchema.bodyBytes(of: event)
        // The canonical line is the canonical body with the chain fields spliced in: one encoding, not two.
        guard PublishedLine.splice(body: body, prev: event.prev, hash: event.hash) == line else {
            throw fail(.malformed, "the line is not in canonical form (sorted keys, no spaces, every field written out)")
        }
        let computed = EventSchema.hash(prev: event.prev, body: body)
        guard computed == event.hash else {
            throw fail(.integrity, "hash: the line's hash does not match its content (computed \(computed.prefix(12))...): the line was altered")
        }
        return Entry(event: event, body: body, file: file, line: number,
                     proof: proving ? LineProof(line: line, event: event, body: body) : nil)
    }

    /// Writes `events` into `folder`, one file per year of record; returns the files written.
    public static func write(_ events: [RecordedEvent], to folder: String) throws -> [String] {
        let writer = try Writer(folder: folder)
        for event in events { try writer.add(event) }
        return try writer.finish()
    }
}
