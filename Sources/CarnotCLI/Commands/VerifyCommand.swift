import ArgumentParser
import CarnotRegistry

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain of the whole log; name the first bad position (exit 66).",
        discussion: """
        Truncating the end of a log leaves a valid chain, so publish the head (`carnot head`) and check it \
        later with --head.

        Examples:
          carnot verify
          carnot verify --head 1:fb3feb58a89c303c28608f9b2e0356c4b0b4e36d5af9e258954685da7b5ab24c
        """)

    @Option(help: ArgumentHelp("A published head SEQ:HASH the log must still contain.", valueName: "seq:hash"))
    var head: String?
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
        let report = try CommandFailure.guarding { () throws(StoreError) in
            try store.verify(expectedHead: expected) { done, total in progress.update(done, of: total) }
        }
        progress.finish()
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(.object([
                "valid": .bool(report.isValid),
                "verified": .object(["seq": .integer(report.verifiedHead.seq), "hash": .string(report.verifiedHead.hash)]),
                "failure": report.failure.map { .object(["seq": .integer($0.seq), "reason": .string($0.reason)]) } ?? .null,
            ])))
        case .table, .csv, .tsv:
            if report.isValid {
                Console.out("ok: the chain of \(report.verifiedHead.seq) events verifies; head \(report.verifiedHead)")
            }
        }
        if let failure = report.failure {
            throw CommandFailure(message: "verification failed at \(failure)", code: 66)
        }
    }
}
