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
        try output.requireTableOrJSON(Self.configuration.commandName ?? "")
        let drafts: [EventDraft]
        do { drafts = try events().map { try decision.draft($0) } } catch let error as EventFormatError {
            throw CommandFailure(StoreError.malformed(error))
        }
        try DecisionWriter.write(drafts, guarding: decision.guarding, store: store, output: output)
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
            Console.out(CanonicalJSON.string(.object([
                "first": .integer(result.firstSeq), "last": .integer(result.lastSeq), "replayed": .bool(result.replayed),
                "head": .object(["seq": .integer(result.head.seq), "hash": .string(result.head.hash)]),
            ])))
        case .table, .csv, .tsv:
            let positions = result.firstSeq == result.lastSeq ? "event \(result.firstSeq)" : "events \(result.firstSeq)-\(result.lastSeq)"
            Console.out(result.replayed
                        ? "already recorded with this idempotency key as \(positions); nothing written"
                        : "recorded \(positions); head is now \(result.head.seq) (\(result.head.hash.prefix(16))...)")
        }
    }
}
