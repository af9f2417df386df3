/// The counts a call's results published: how many institutes were labelled, and of them how many renewed,
/// new, not renewed, tremplins and on probation. Counts a source does not give stay nil, so the registry
/// never claims a zero it was not told.
public struct CallCounts: Equatable, Sendable {
    public var labelled: Int
    public var renewed: Int?
    public var new: Int?
    public var notRenewed: Int?
    public var tremplins: Int?
    public var probation: Int?

    public init(labelled: Int, renewed: Int? = nil, new: Int? = nil, notRenewed: Int? = nil,
                tremplins: Int? = nil, probation: Int? = nil) {
        self.labelled = labelled
        self.renewed = renewed
        self.new = new
        self.notRenewed = notRenewed
        self.tremplins = tremplins
        self.probation = probation
    }
}
