import ArgumentParser
import CarnotRegistry
import Foundation

/// `carnot-bench proofs`: the figures of the README's Proofs section: `verify` in full and `--chain-only`,
/// and the time and size of inclusion and consistency proofs, on a synthetic log.
struct ProofsRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proofs", abstract: "Time verify (full and chain-only) and proof generation on one synthetic log.")

    @Option(help: "Events in the synthetic log.") var events = 1_000_000
    @Option(help: "Institutes in the synthetic world.") var institutes = 200
    @Option(help: "Seed of the log and of the proofs asked.") var seed: UInt64 = 1
    @Option(help: "Proofs of each kind to time.") var proofs = 1_000
    @Option(help: "Folder for the log and the store.") var work = "/tmp/carnot-bench"

    func run() throws {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let log: (String) -> Void = { FileHandle.standardError.write(Data(("carnot-bench: " + $0 + "\n").utf8)) }
        let logFile = (work as NSString).appendingPathComponent("proofs-\(events).ndjson")
        let storePath = (work as NSString).appendingPathComponent("proofs-\(events).sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        log("generating \(events) events")
        _ = try SyntheticLogFile.write(SyntheticLog.Parameters(events: events, institutes: institutes, seed: seed), to: logFile, keeping: events)
        log("importing")
        let imported = try Stopwatch.time { _ = try EventStore(path: storePath).importLog(try LogFile.read(logFile)) }.seconds

        log("verify --chain-only")
        let chain = try Stopwatch.time { try EventStore(path: storePath, readOnly: true).verify(chainOnly: true) }
        log("verify (full)")
        let full = try Stopwatch.time { try EventStore(path: storePath, readOnly: true).verify() }
        guard chain.result.isValid, full.result.isValid else { throw BenchError("the generated store does not verify: \(String(describing: full.result.failure))") }

        let store = try EventStore(path: storePath, readOnly: true)
        let size = Int64(events)
        var random = SeededGenerator(seed: seed)
        log("\(proofs) inclusion and consistency proofs")
        let checkpoint = try Stopwatch.time { try store.treeCheckpoint(origin: "carnot-registry") }
        var inclusionTimes: [Double] = [], inclusionBytes = 0, consistencyTimes: [Double] = [], consistencyBytes = 0
        for _ in 0..<proofs {
            let seq = Int64.random(in: 1...size, using: &random)
            let inclusion = try Stopwatch.time { try store.inclusionProof(seq: seq, size: size) }
            inclusionTimes.append(inclusion.seconds)
            inclusionBytes += ProofFile(kind: .inclusion, number: seq - 1, hashes: inclusion.result, checkpoint: checkpoint.result.text).text.utf8.count
            let old = Int64.random(in: 1..<size, using: &random)
            let consistency = try Stopwatch.time { try store.consistencyProof(old: old, new: size) }
            consistencyTimes.append(consistency.seconds)
            consistencyBytes += ProofFile(kind: .consistency, number: old, hashes: consistency.result, checkpoint: checkpoint.result.text).text.utf8.count
        }
        let storeBytes = (try? FileManager.default.attributesOfItem(atPath: storePath)[.size] as? Int) ?? 0
        print("| Figure (\(Figures.size(events)) events, synthetic, seed \(seed)) | Value |")
        print("|---|---|")
        print("| import (now also fills the Merkle tree) | \(Figures.rate(events, imported)) |")
        print("| `verify --chain-only` | \(String(format: "%.1f s", chain.seconds)) (\(Figures.rate(events, chain.seconds))) |")
        print("| `verify` (full: integrity check, rules replay, derived tables, checkpoints) | \(String(format: "%.1f s", full.seconds)) (\(Figures.rate(events, full.seconds))) |")
        print("| checkpoint (root of the whole tree) | \(Figures.milliseconds(checkpoint.seconds)) |")
        print("| inclusion proof, p50 / p99 | \(Figures.milliseconds(Stopwatch.quantile(inclusionTimes, 0.5))) / \(Figures.milliseconds(Stopwatch.quantile(inclusionTimes, 0.99))) |")
        print("| inclusion proof file (tlog-proof with an unsigned checkpoint), mean size | \(inclusionBytes / proofs) bytes |")
        print("| consistency proof, p50 / p99 | \(Figures.milliseconds(Stopwatch.quantile(consistencyTimes, 0.5))) / \(Figures.milliseconds(Stopwatch.quantile(consistencyTimes, 0.99))) |")
        print("| consistency proof file, mean size | \(consistencyBytes / proofs) bytes |")
        print("| store file | \(storeBytes / 1_048_576) MB |")
    }
}
