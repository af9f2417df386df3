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
    ///
    /// Read from the checkpoint code, which numbers the offices in that order, rather than looked up in a
    /// dictionary: an appointment compares the rank of every holding, and hashing each took about 3 % of a
    /// `state(at:)` at 1M events. The test `officeRanksFollowAllCases` fails if the two orders part.
    var rank: Int { Int(checkpointCode) }
}
