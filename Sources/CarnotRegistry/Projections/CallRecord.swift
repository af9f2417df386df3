/// A call for applications ("Carnot 2") and, once announced, its published results.
public struct CallRecord: Equatable, Sendable {
    public let id: EntityID
    public var name: String
    public var opened: Day
    public var closes: Day?
    public var results: CallCounts?
    /// The day the results were announced, to the precision the sources give it.
    public var announced: PartialDate?

    public init(id: EntityID, name: String, opened: Day, closes: Day?) {
        self.id = id
        self.name = name
        self.opened = opened
        self.closes = closes
    }
}
