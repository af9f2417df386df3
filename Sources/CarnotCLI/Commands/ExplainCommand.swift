import ArgumentParser
import CarnotRegistry

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why an entity is as it is on a day: the events behind each field, and those a correction took out.",
        discussion: "Example:\n  carnot explain tsn --at 2020-02-07")

    @Argument(help: "The entity's id.") var id: EntityID
    @Option(help: ArgumentHelp("The day.", valueName: "date")) var at: PartialDate
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.store.openForReading()
        let (events, upto) = try CommandFailure.guarding { () throws(StoreError) in (try store.events(), try store.position(knownAt.cutoff)) }
        guard let explanation = Explanation.explain(id, at: at.day, events: events, upto: upto) else {
            throw CommandFailure(message: "no entity '\(id)' on \(at.day); see `carnot state --at \(at)`", code: 64)
        }
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(QueryDocuments.explanation(explanation)))
        case .table:
            var lines = ["\(id) on \(at.day)"]
            for field in explanation.fields {
                lines.append("\n\(field.name): \(summary(field.value))")
                if field.madeBy.isEmpty {
                    lines.append("  (empty since the entity was registered: no event set it)")
                    continue
                }
                var table = TextTable("SEQ", "EFFECTIVE", "RECORDED", "EVENT", "SOURCE")
                for citation in field.madeBy { table.add(row(citation)) }
                lines.append(table.rendered)
            }
            if !explanation.skipped.isEmpty {
                lines.append("\nskipped because a correction took them out:")
                var table = TextTable("SEQ", "EFFECTIVE", "RECORDED", "EVENT", "SOURCE", "BY")
                for skipped in explanation.skipped {
                    table.add(row(skipped.event) + ["\(skipped.correction.seq): \(skipped.correction.summary)"])
                }
                lines.append(table.rendered)
            }
            Console.out(lines.joined(separator: "\n"))
        }
    }

    private func row(_ citation: Explanation.Citation) -> [String] {
        [String(citation.seq), citation.effective.description, citation.recorded.toTheSecond,
         citation.summary + (citation.confidence == .confirmed ? "" : " [\(citation.confidence.rawValue)]"), citation.source]
    }

    private func summary(_ value: JSONValue) -> String {
        let text = CanonicalJSON.string(value)
        if case .string(let plain) = value { return plain }
        return text.count > 100 ? String(text.prefix(97)) + "..." : text
    }
}
