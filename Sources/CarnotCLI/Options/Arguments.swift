import ArgumentParser
import CarnotRegistry

extension EntityID: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension PartialDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard let date = try? PartialDate(parsing: argument) else { return nil }
        self = date
    }
}

extension LabelKind: ExpressibleByArgument {}
extension AffiliationRole: ExpressibleByArgument {}
extension Office: ExpressibleByArgument {}
extension Confidence: ExpressibleByArgument {}
extension ConsortiumRole: ExpressibleByArgument {}

extension Timestamp: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
