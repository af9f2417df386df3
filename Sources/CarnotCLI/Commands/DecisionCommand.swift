import ArgumentParser
import CarnotRegistry

/// A command that records one decision built from its arguments: it validates, appends and reports.
protocol DecisionCommand: ParsableCommand {
    var store: StoreOptions { get }
    var decision: DecisionOptions { get }
    var output: OutputOptions { get }
    /// The events of the decision.
    func events() throws -> [Event]
}

extension DecisionCommand {
    func run() throws {
        let drafts = try events().map { try decision.draft($0) }
        let store = try self.store.openForWriting()
        let result = try CommandFailure.guarding { () throws(StoreError) in
            try store.append(drafts, expectedHead: decision.guarding.expectHead,
                             idempotencyKey: decision.guarding.idempotencyKey)
        }
        AppendReport.print(result, format: output.format)
    }

    /// Checks a free-text argument with the same rules as a decision file's text fields.
    func text(_ value: String, _ name: String) throws -> String {
        try CommandFailure.checkText([name: .string(value)])
        return value
    }
}

/// How an append is reported.
enum AppendReport {
    static func print(_ result: AppendResult, format: OutputOptions.Format) {
        switch format {
        case .json:
            Console.out(CanonicalJSON.string(QueryDocuments.append(result)))
        case .table:
            let positions = result.firstSeq == result.lastSeq ? "event \(result.firstSeq)" : "events \(result.firstSeq)-\(result.lastSeq)"
            Console.out(result.replayed
                        ? "already recorded with this idempotency key as \(positions); nothing written"
                        : "recorded \(positions); head is now \(result.head.seq) (\(result.head.hash.prefix(16))...)")
        }
    }
}
