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
    /// Accepts a record time exactly as tables print it (`2026-11-29T21:26:44.839127Z`), or cut short: an
    /// instant written to the second (with or without `Z`), or to fewer than six decimals, means the end of
    /// what it names, as a day alone means its end, so a time copied to the second still includes the event
    /// recorded during that second.
    public init?(argument: String) {
        var text = argument
        if text.count >= 19, !text.hasSuffix("Z"), text.dropFirst(10).first == "T" { text += "Z" }
        guard let parsed = Timestamp(parsing: text) else { return nil }
        guard text.count > 10 else { self = parsed; return }
        let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 2 } ?? 0
        var rest: Int64 = 1
        for _ in decimals..<6 { rest *= 10 }
        self.init(microseconds: parsed.microseconds + rest - 1)
    }
}
