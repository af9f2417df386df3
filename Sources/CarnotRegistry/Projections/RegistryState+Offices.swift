extension RegistryState {
    /// Where the holdings of `office` begin in `offices` (grouped by office in `Office.allCases` order): the
    /// index of the first holding of this office or of a later one.
    func officeGroupStart(_ office: Office) -> Int {
        offices.firstIndex { $0.office.rank >= office.rank } ?? offices.endIndex
    }

    /// Where the holdings of `office` end in `offices`: the index of the first holding of a later office.
    func officeGroupEnd(_ office: Office) -> Int {
        offices.firstIndex { $0.office.rank > office.rank } ?? offices.endIndex
    }

    /// True when `offices` is grouped by office in `Office.allCases` order, as every fold leaves it.
    var officesAreGrouped: Bool {
        zip(offices, offices.dropFirst()).allSatisfy { $0.office.rank <= $1.office.rank }
    }
}

extension Office {
    /// The office's place in `Office.allCases`: the order of the groups in `RegistryState.offices`.
    var rank: Int { Self.ranks[self] ?? 0 }

    /// Each office's index in `allCases`, looked up rather than searched for in the fold's hot path.
    private static let ranks = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })
}
