import ArgumentParser
import CarnotRegistry
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove every byte a query reads from the log; name the first disagreement (exit 66).",
        discussion: """
        Checks the hash chain, every indexed column against the hashed body, SQLite's integrity check, the \
        layout and its append-only triggers, every event against the registry's rules (replayed as `import` \
        would), and the derived tables re-derived from the log: corrections, the Merkle tree, idempotency \
        keys and every checkpoint. --chain-only checks the chain and the columns only (fast).

        Truncating the end of a log leaves a valid chain, so publish the head (`carnot head`) or a signed \
        checkpoint (`carnot checkpoint --sign`) and check it later.

        Examples:
          carnot verify
          carnot verify --head 1:fb3feb58a89c303c28608f9b2e0356c4b0b4e36d5af9e258954685da7b5ab24c
        """)

    @Option(help: ArgumentHelp("A published head SEQ:HASH the log must still contain.", valueName: "seq:hash"))
    var head: String?
    @Flag(help: "Check only the hash chain and the indexed columns (fast), not the derived tables and rules.")
    var chainOnly = false
    @Flag(help: "Print on stderr where the time went, phase by phase (chain, columns, Merkle tree, rules, checkpoints).")
    var timings = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.requireTableOrJSON("verify")
        var expected: LogHead?
        if let head {
            let parts = head.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let seq = Int64(parts[0]), seq >= 1, EventSchema.isHexDigest(parts[1]) else {
                throw CommandFailure(message: "--head \(head): write SEQ:HASH, e.g. 57:<64 lower-case hex digits>", code: 64)
            }
            expected = LogHead(seq: seq, hash: parts[1])
        }
        let store = try self.store.openForReading()
        let progress = Progress("verify")
        let phases = VerificationTimings()
        let report = try CommandFailure.guarding { () throws(StoreError) in
            try store.verify(expectedHead: expected, chainOnly: chainOnly, progress: { done, total in progress.update(done, of: total) },
                             timings: phases)
        }
        progress.finish()
        if timings {
            for phase in phases.phases { Console.error(String(format: "%8.2f s  ", phase.seconds) + phase.name) }
            Console.error(String(format: "%8.2f s  in all", phases.total))
        }
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(.object([
                "valid": .bool(report.isValid),
                "scope": .string(chainOnly ? "chain" : "full"),
                "verified": .object(["seq": .integer(report.verifiedHead.seq), "hash": .string(report.verifiedHead.hash)]),
                "failure": report.failure.map { .object(["seq": .integer($0.seq), "reason": .string($0.reason)]) } ?? .null,
            ])))
        case .table, .csv, .tsv:
            if report.isValid {
                Console.out(chainOnly
                    ? "ok: the chain of \(report.verifiedHead.seq) events verifies; head \(report.verifiedHead)"
                    : "ok: the chain of \(report.verifiedHead.seq) events verifies, with every event under the rules and every derived table; head \(report.verifiedHead)")
            }
        }
        if let failure = report.failure {
            throw CommandFailure(message: "verification failed at \(failure)", code: 66)
        }
    }
}
