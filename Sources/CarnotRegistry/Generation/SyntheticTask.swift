/// A scheduled step of the synthetic log: what a milestone unfolds into, performed when it reaches the front
/// of the queue. Each one checks, when performed, that it is still valid, and is skipped otherwise.
enum SyntheticTask {
    case openCall(wave: Int, tremplin: Bool)
    case registerInstitute(plan: Int)
    case registerDirector(institute: Int)
    case appointDirector(institute: Int, person: Int)
    case registerSchool(home: Int, role: AffiliationRole)
    case affiliate(school: Int, institute: Int, role: AffiliationRole)
    case announce(wave: Int)
    case announceTremplin(wave: Int, counts: CallCounts)
    case grant(institute: Int, kind: LabelKind, wave: Int, probation: Bool)
    case renew(institute: Int, wave: Int)
    case notRenew(institute: Int, wave: Int, tremplin: Bool)
    case extensionRound
    case extend(institute: Int, until: Day)
    case formConsortium(index: Int)
    case joinConsortium(consortium: Int, institute: Int, role: ConsortiumRole)
}
