// The byte each enumeration case is stored as in a checkpoint. Written out case by case, not derived from
// `allCases` order or the raw strings, so that reordering or renaming a case cannot silently change what
// stored checkpoints mean: a new case takes a new code, and a changed code needs a new format version.

extension LabelKind {
    var checkpointCode: UInt8 {
        switch self {
        case .carnot: 0
        case .tremplin: 1
        }
    }

    init?(checkpointCode: UInt8) {
        switch checkpointCode {
        case 0: self = .carnot
        case 1: self = .tremplin
        default: return nil
        }
    }
}

extension AffiliationRole {
    var checkpointCode: UInt8 {
        switch self {
        case .member: 0
        case .subsidiary: 1
        case .strategicPartner: 2
        }
    }

    init?(checkpointCode: UInt8) {
        switch checkpointCode {
        case 0: self = .member
        case 1: self = .subsidiary
        case 2: self = .strategicPartner
        default: return nil
        }
    }
}

extension ConsortiumRole {
    var checkpointCode: UInt8 {
        switch self {
        case .member: 0
        case .coordinator: 1
        }
    }

    init?(checkpointCode: UInt8) {
        switch checkpointCode {
        case 0: self = .member
        case 1: self = .coordinator
        default: return nil
        }
    }
}

extension Office {
    var checkpointCode: UInt8 {
        switch self {
        case .president: 0
        case .vicePresident: 1
        case .treasurer: 2
        case .secretary: 3
        case .viceTreasurer: 4
        case .viceSecretary: 5
        case .directorGeneral: 6
        case .boardMember: 7
        case .bureauMember: 8
        }
    }

    init?(checkpointCode: UInt8) {
        switch checkpointCode {
        case 0: self = .president
        case 1: self = .vicePresident
        case 2: self = .treasurer
        case 3: self = .secretary
        case 4: self = .viceTreasurer
        case 5: self = .viceSecretary
        case 6: self = .directorGeneral
        case 7: self = .boardMember
        case 8: self = .bureauMember
        default: return nil
        }
    }
}

extension DatePrecision {
    var checkpointCode: UInt8 {
        switch self {
        case .year: 0
        case .month: 1
        case .day: 2
        }
    }

    init?(checkpointCode: UInt8) {
        switch checkpointCode {
        case 0: self = .year
        case 1: self = .month
        case 2: self = .day
        default: return nil
        }
    }
}
