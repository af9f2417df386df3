/// The kind of a label: the full Carnot label, or the Tremplin Carnot created in 2016 for structures
/// preparing to apply.
public enum LabelKind: String, CaseIterable, Sendable {
    case carnot
    case tremplin
}

/// The part a school plays in an institute.
public enum AffiliationRole: String, CaseIterable, Sendable {
    case member
    case subsidiary
    case strategicPartner = "strategic-partner"
}

/// An office of the association (AiCarnot, later "Réseau des Carnot").
public enum Office: String, CaseIterable, Sendable {
    case president
    case vicePresident = "vice-president"
    case treasurer
    case secretary
    case viceTreasurer = "vice-treasurer"
    case viceSecretary = "vice-secretary"
    case directorGeneral = "director-general"
    case boardMember = "board-member"
    /// A member of the bureau whose exact office the source does not make clear.
    case bureauMember = "bureau-member"

    /// Offices held by one person at a time: a second appointment needs the first holder to have left.
    public var isSingleSeat: Bool {
        switch self {
        case .president, .treasurer, .secretary, .directorGeneral: true
        case .vicePresident, .viceTreasurer, .viceSecretary, .boardMember, .bureauMember: false
        }
    }
}

/// The part an institute plays in a consortium.
public enum ConsortiumRole: String, CaseIterable, Sendable {
    case member
    case coordinator
}

/// How sure the registry is of a fact, following the tags of the sourced history: stated by the source,
/// probable (secondary or undated source), or uncertain (inferred, or sources conflict).
public enum Confidence: String, CaseIterable, Sendable {
    case confirmed
    case probable
    case uncertain
}
