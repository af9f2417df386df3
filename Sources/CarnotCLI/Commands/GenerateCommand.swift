import ArgumentParser
import CarnotRegistry
import Foundation

/// Writes a deterministic synthetic log in the import format, for load tests and demonstrations.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic, realistic synthetic log (NDJSON, the import format).",
        discussion: """
        Twenty years of a made-up Carnot network, 2006 to mid-2026: calls and results in waves, grants, \
        renewals and extensions, Tremplins, renames, school mergers and affiliations, officers, consortia, plus \
        a few percent of back-dated events, corrections and retractions. Every event is valid when the log is \
        imported in order; the same options always write the same bytes.

        The world holds about --institutes institutes (twice as many schools, three times as many people): \
        more events make a denser history of the same entities, not a bigger world.

        Example:
          carnot generate --events 2000 --institutes 20 --seed 1 --out synthetic.ndjson
          carnot import synthetic.ndjson --db synthetic.sqlite
        """)

    @Option(help: ArgumentHelp("How many events to write (at least 1).", valueName: "n")) var events: Int
    @Option(help: ArgumentHelp("About how many institutes the world holds (at least 1).", valueName: "k"))
    var institutes: Int
    @Option(help: ArgumentHelp("The seed: the same seed and sizes write the same log.", valueName: "s")) var seed: UInt64
    @Option(help: ArgumentHelp("The .ndjson file to write.", valueName: "file")) var out: String
    @Flag(help: "Replace --out if it exists.") var force = false

    static let maximumEvents = 100_000_000
    static let maximumInstitutes = 100_000

    func validate() throws {
        guard (1...Self.maximumEvents).contains(events) else {
            throw ValidationError("--events \(events): must be from 1 to \(Self.maximumEvents)")
        }
        guard (1...Self.maximumInstitutes).contains(institutes) else {
            throw ValidationError("--institutes \(institutes): must be from 1 to \(Self.maximumInstitutes)")
        }
        guard !out.isEmpty else { throw ValidationError("--out: give a file path") }
    }

    func run() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) {
            if isFolder.boolValue { throw CommandFailure(message: "--out \(out): is a folder; give a file path", code: 64) }
            if !force { throw CommandFailure(message: "--out \(out): already exists; pass --force to replace it", code: 64) }
        }
        // Written under a private name and moved into place at the end: an interrupted run leaves no half log.
        let staging = "\(out).generating-\(getpid())"
        guard let file = fopen(staging, "wx") else {
            throw CommandFailure(message: "--out \(out): cannot write: \(String(cString: strerror(errno)))", code: 64)
        }
        var closed = false
        defer {
            if !closed { fclose(file) }
            unlink(staging)
        }

        let parameters = SyntheticLog.Parameters(events: events, institutes: institutes, seed: seed)
        let chunk = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunk + 64 * 1024)
        var head = LogHead.empty
        let step = max(1_000, events / 100)
        let progress = Progress("generate")
        defer { progress.finish() }
        func flush() throws {
            let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            guard written == buffer.count else {
                throw CommandFailure(message: "--out \(out): cannot write: \(String(cString: strerror(errno)))", code: 1)
            }
            buffer.removeAll(keepingCapacity: true)
        }
        try SyntheticLog.generate(parameters) { event in
            buffer.append(contentsOf: EventSchema.line(of: event))
            buffer.append(0x0A)
            if buffer.count >= chunk { try flush() }
            head = LogHead(seq: event.seq, hash: event.hash)
            if event.seq % Int64(step) == 0 { progress.update(event.seq, of: Int64(events)) }
        }
        try flush()
        closed = true
        guard fclose(file) == 0 else {
            throw CommandFailure(message: "--out \(out): cannot write: \(String(cString: strerror(errno)))", code: 1)
        }
        if force {
            guard rename(staging, out) == 0 else {
                throw CommandFailure(message: "--out \(out): cannot write: \(String(cString: strerror(errno)))", code: 1)
            }
        } else if link(staging, out) != 0 {
            let reason = errno == EEXIST ? "already exists; pass --force to replace it" : String(cString: strerror(errno))
            throw CommandFailure(message: "--out \(out): \(reason)", code: errno == EEXIST ? 64 : 1)
        }
        progress.finish()
        Console.out("wrote \(events) events to \(out); head \(head)")
    }
}
