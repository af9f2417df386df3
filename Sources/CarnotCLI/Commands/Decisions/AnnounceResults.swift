import ArgumentParser
import CarnotRegistry

struct AnnounceResults: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "announce-results",
        abstract: "Record a call's published results: the counts, so the registry can say how complete it is.",
        discussion: "Example:\n  carnot announce-results carnot-2026 --labelled 33 --effective 2026-05-12 --source \"enseignementsup-recherche.gouv.fr\"")

    @Argument(help: "The call's id.", completion: .custom(IDCompletion.complete)) var id: EntityID
    @Option(help: "Institutes labelled.") var labelled: Int
    @Option(help: "Of them, renewed.") var renewed: Int?
    @Option(help: "Of them, new.") var new: Int?
    @Option(help: "Institutes not renewed.") var notRenewed: Int?
    @Option(help: "Tremplins granted.") var tremplins: Int?
    @Option(help: "Institutes labelled on probation.") var probation: Int?
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.callResultsAnnounced(call: id, counts: try counts())]
    }

    private func counts() throws -> CallCounts {
        let all: [(String, Int?)] = [("labelled", labelled), ("renewed", renewed), ("new", new),
                                     ("not-renewed", notRenewed), ("tremplins", tremplins), ("probation", probation)]
        for (name, value) in all {
            if let value, !(0...100_000).contains(value) {
                throw CommandFailure(message: "--\(name) \(value): must be a whole number from 0 to 100000", code: 64)
            }
        }
        return CallCounts(labelled: labelled, renewed: renewed, new: new, notRenewed: notRenewed,
                          tremplins: tremplins, probation: probation)
    }
}
