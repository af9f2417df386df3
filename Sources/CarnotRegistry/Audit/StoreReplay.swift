import Foundation

/// What `verify` rebuilds from the log alone while it walks the chain: the correction index, and a fresh
/// store (a scratch file, `EventStore.makeScratch`) the events are imported into, exactly as `import`
/// would (every event re-validated under the rules), on a thread of its own (`BackgroundImport`). Each
/// derived table of the verified store is then compared with it.
struct StoreReplay {
    typealias Failure = ChainVerifier.Failure

    /// (seq, target, replacement day) of every retraction and correction, in log order.
    private(set) var corrections: [(seq: Int64, target: Int64, day: Int64?)] = []
    /// The replay store: read it only after `flush`, when the importing thread is done with it.
    let replay: EventStore
    private let folder: String
    private let importer: BackgroundImport
    private var pending: [LogFile.Entry] = []

    /// Reads `probes` from the replay as its import passes their positions (`CheckpointProbes`).
    init(checkpointInterval: Int, probes: CheckpointProbes = CheckpointProbes()) throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("carnot-verify-\(getpid())-\(UUID().uuidString)")
        replay = try EventStore(path: (folder as NSString).appendingPathComponent("replay.sqlite"),
                                checkpointInterval: checkpointInterval)
        try replay.makeScratch()
        // One batch waiting beside the one imported and the one filled: three batches of 5,000 in memory.
        importer = BackgroundImport(into: replay, inFlight: 1, probes: probes)
    }

    /// Stops the importing thread and removes the replay's file.
    func discard() {
        importer.cancel()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Takes the next verified event (its line read by `LogFile.entry`, as an import reads it).
    /// - Throws: the rules' refusal of an earlier event, once the importing thread has met it.
    mutating func add(_ entry: LogFile.Entry) throws(Failure) {
        let event = entry.event
        switch event.event {
        case .eventRetracted(let target, _): corrections.append((event.seq, target, nil))
        case .eventCorrected(let target, _, let replacement): corrections.append((event.seq, target, Int64(replacement.effective.ordinal)))
        default: break
        }
        pending.append(entry)
        if pending.count >= 5_000 {
            defer { pending = [] }
            try importer.send(pending)
        }
    }

    /// The states read from the replay during its import: read them only after `flush`.
    var probes: CheckpointProbes { importer.probes }

    /// Imports every event taken and waits for it; the first the rules refuse is the failure.
    mutating func flush() throws(Failure) {
        if !pending.isEmpty {
            defer { pending = [] }
            try importer.send(pending)
        }
        if let failure = importer.finish() { throw failure }
    }
}
