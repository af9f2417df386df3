/// One wave of the Carnot label: its call (and Tremplin call from 2016), the day its results were
/// announced and the day the terms it granted end.
struct SyntheticWave: Sendable {
    let call: EntityID
    let name: String
    let tremplinCall: EntityID?
    let tremplinName: String?
    let opened: Day
    let closes: Day
    let results: Day
    let termEnd: Day
    /// False for the two rounds of the first call (2006 and 2007): there is nothing to renew yet.
    let renews: Bool
}
