import ArgumentParser
import CarnotRegistry

struct MergeSchools: DecisionCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-schools",
        abstract: "Merge schools into a new one, which inherits their affiliations.",
        discussion: "Example:\n  carnot merge-schools mines-albi mines-ales --into imt-mines-sud --name \"IMT Mines Sud\" --parent \"Institut Mines-Télécom\" --effective 2025-01-01 --source \"imt.fr\"")

    @Argument(help: "The schools merged (two or more ids).", completion: .custom(IDCompletion.complete)) var ids: [EntityID]
    @Option(help: "The new school's id.") var into: EntityID
    @Option(help: "The new school's name.") var name: String
    @Option(help: "Its parent institution.") var parent: String?
    @OptionGroup var decision: DecisionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func events() throws -> [Event] {
        [.schoolsMerged(schools: ids, into: into, name: try text(name, "name"), parent: try parent.map { try text($0, "parent") })]
    }
}
