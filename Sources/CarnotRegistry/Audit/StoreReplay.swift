import Foundation

/// What `verify` rebuilds from the log alone while it walks the chain: the correction index, and a fresh
/// store (a scratch file, `EventStore.makeScratch`) the events are imported into, exactly as `import`
/// would (every event re-validated under the rules). Each derived table of the verified store is then compared with it.
struct StoreReplay {
    typealias Failure = ChainVerifier.Failure

    /// (seq, target, replacement day) of every retraction and correction, in log order.
    private(set) var corrections: [(seq: Int64, target: Int64, day: Int64?)] = []
    let replay: EventStore
    private let folder: String
    private var pending: [LogFile.Entry] = []

    init(checkpointInterval: Int) throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("carnot-verify-\(getpid())-\(UUID().uuidString)")
        replay = try EventStore(path: (folder as NSString).appendingPathComponent("replay.sqlite"),
                                checkpointInterval: checkpointInterval)
        try replay.makeScratch()
    }

    /// Removes the replay's file.
    func discard() { try? FileManager.default.removeItem(atPath: folder) }

    /// Takes the next verified event (its line read by `LogFile.entry`, as an import reads it).
    mutating func add(_ entry: LogFile.Entry) throws(Failure) {
        let event = entry.event
        switch event.event {
        case .eventRetracted(let target, _): corrections.append((event.seq, target, nil))
        case .eventCorrected(let target, _, let replacement): corrections.append((event.seq, target, Int64(replacement.effective.ordinal)))
        default: break
        }
        pending.append(entry)
        if pending.count >= 5_000 { try flush() }
    }

    /// Imports the events taken since the last flush; the first the rules refuse is the failure.
    mutating func flush() throws(Failure) {
        defer { pending.removeAll(keepingCapacity: true) }
        do {
            _ = try replay.importLog(pending)
        } catch .badLine(let error) {
            throw Failure(seq: Int64(error.line), reason: "the registry's rules refuse this event, as `import` would: \(error.message)")
        } catch {
            throw Failure(seq: pending.first?.event.seq ?? 0, reason: "the log does not replay: \(error)")
        }
    }
}
