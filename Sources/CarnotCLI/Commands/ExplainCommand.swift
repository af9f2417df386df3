import ArgumentParser
import CarnotRegistry

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why an entity is as it is on a day: the events behind each field, and those a correction took out.",
        discussion: "The entity is an id, or a name only one entity matches.\n\nExamples:\n  carnot explain tsn --at 2020-02-07\n  carnot explain \"Télécom & Société Numérique\" --at 2016-07-06")

    @Argument(help: "The entity's id, or a name only it matches.", completion: .custom(IDCompletion.complete))
    var entity: String
    @Option(help: ArgumentHelp("The day.", valueName: "date")) var at: PartialDate
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.requireTableOrJSON("explain")
        let store = try self.store.openForReading()
        let id = try EntityDirectory.resolve(entity, in: store)
        // From the entity index: the records the entity's document reads, not the whole log.
        let explanation = try CommandFailure.guarding { () throws(StoreError) in
            try store.explanation(of: id, at: at.day, upto: try store.position(knownAt.cutoff))
        }
        guard let explanation else {
            throw CommandFailure(message: "no entity '\(id)' on \(at.day); see `carnot state --at \(at)`", code: 64)
        }
        switch output.format {
        case .json:
            Console.out(CanonicalJSON.string(.object([
                "id": .string(id.rawValue), "at": .string(at.day.description),
                "fields": .array(explanation.fields.map { field in
                    .object(["field": .string(field.name), "value": field.value, "madeBy": .array(field.madeBy.map(json))])
                }),
                "skipped": .array(explanation.skipped.map { .object(["event": json($0.event), "by": json($0.correction)]) }),
            ])))
        case .table, .csv, .tsv:
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
        [String(citation.seq), citation.effective.description, citation.recorded.description,
         citation.summary + (citation.confidence == .confirmed ? "" : " [\(citation.confidence.rawValue)]"), citation.source]
    }

    private func summary(_ value: JSONValue) -> String {
        let text = CanonicalJSON.string(value)
        if case .string(let plain) = value { return plain }
        return text.count > 100 ? String(text.prefix(97)) + "..." : text
    }

    private func json(_ citation: Explanation.Citation) -> JSONValue {
        .object(["seq": .integer(citation.seq), "effective": .string(citation.effective.description),
                 "recorded": .string(citation.recorded.description), "source": .string(citation.source),
                 "confidence": .string(citation.confidence.rawValue), "event": .string(citation.summary)])
    }
}
