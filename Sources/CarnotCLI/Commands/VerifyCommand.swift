import ArgumentParser
import CarnotRegistry

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain of the whole log; name the first bad position (exit 66).",
        discussion: """
        Truncating the end of a log leaves a valid chain, so publish the head (`carnot head`) and check it \
        later with --head.

        Example:
          carnot verify --head 57:3f1c...e2
        """)

    @Option(help: ArgumentHelp("A published head SEQ:HASH the log must still contain.", valueName: "seq:hash"))
    var head: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var expected: LogHead?
        if let head {
            let parts = head.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let seq = Int64(parts[0]), seq >= 1, EventSchema.isHexDigest(parts[1]) else {
                throw CommandFailure(message: "--head \(head): write SEQ:HASH, e.g. 57:<64 lower-case hex digits>", code: 64)
            }
            expected = LogHead(seq: seq, hash: parts[1])
        }
        let store = try self.store.openForReading()
        let report = try CommandFailure.guarding { () throws(StoreError) in try store.verify(expectedHead: expected) }
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(QueryDocuments.verification(report)))
        case .table:
            if report.isValid {
                Console.out("ok: the chain of \(report.verifiedHead.seq) events verifies; head \(report.verifiedHead)")
            }
        }
        if let failure = report.failure {
            throw CommandFailure(message: "verification failed at \(failure)", code: 66)
        }
    }
}
