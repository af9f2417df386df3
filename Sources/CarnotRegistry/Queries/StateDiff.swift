/// What changed in the network between two days: label status (held, ended, not known), renames, mergers, affiliations,
/// offices and consortium memberships, in a stable order.
public enum StateDiff {
    /// One change, with the entity it concerns.
    public struct Change: Equatable, Sendable {
        public let kind: String
        public let subject: EntityID
        public let detail: String
    }

    public static func changes(from before: RegistryState, on first: Day, to after: RegistryState, on second: Day) -> [Change] {
        var changes: [Change] = []
        for id in Set(before.institutes.keys).union(after.institutes.keys).sorted() {
            let old = before.institutes[id]
            guard let new = after.institutes[id] else { continue }
            if old == nil { changes.append(Change(kind: "institute registered", subject: id, detail: new.name)) }
            if let old, old.name != new.name {
                changes.append(Change(kind: "institute renamed", subject: id, detail: "\"\(old.name)\" -> \"\(new.name)\""))
            }
            let was = old.map { LabelStatus($0, on: first) } ?? .notKnown
            let now = LabelStatus(new, on: second)
            if was != now, let change = labelChange(was, now) {
                changes.append(Change(kind: change, subject: id, detail: "\(describe(was)) -> \(describe(now))"))
            }
        }
        for id in Set(before.schools.keys).union(after.schools.keys).sorted() {
            let old = before.schools[id]
            guard let new = after.schools[id] else { continue }
            if old == nil, new.mergedFrom.isEmpty {
                changes.append(Change(kind: "school registered", subject: id, detail: new.name))
            }
            if !new.mergedFrom.isEmpty, old == nil {
                changes.append(Change(kind: "schools merged", subject: id,
                                      detail: "\(new.mergedFrom.map(\.rawValue).joined(separator: " + ")) -> \"\(new.name)\""))
            }
            if let old, old.name != new.name {
                changes.append(Change(kind: "school renamed", subject: id, detail: "\"\(old.name)\" -> \"\(new.name)\""))
            }
            let was = old?.affiliations ?? [:]
            for institute in Set(was.keys).union(new.affiliations.keys).sorted() {
                switch (was[institute], new.affiliations[institute]) {
                case (nil, let role?) where new.isActive:
                    changes.append(Change(kind: "affiliation added", subject: id, detail: "\(institute) as \(role.rawValue)"))
                case (let role?, nil) where new.isActive || old?.isActive == true && new.mergedInto == nil:
                    changes.append(Change(kind: "affiliation ended", subject: id, detail: "\(institute) (\(role.rawValue))"))
                case (let from?, let to?) where from != to:
                    changes.append(Change(kind: "affiliation changed", subject: id, detail: "\(institute): \(from.rawValue) -> \(to.rawValue)"))
                default: break
                }
            }
        }
        let keyed = { (holding: OfficeHolding) in "\(holding.office.rawValue)|\(holding.person)" }
        let oldOffices = Dictionary(before.offices.map { (keyed($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newOffices = Dictionary(after.offices.map { (keyed($0), $0) }, uniquingKeysWith: { first, _ in first })
        for key in Set(oldOffices.keys).union(newOffices.keys).sorted() {
            if let holding = newOffices[key], oldOffices[key] == nil {
                changes.append(Change(kind: "office taken", subject: holding.person, detail: holding.office.rawValue))
            } else if let holding = oldOffices[key], newOffices[key] == nil {
                changes.append(Change(kind: "office left", subject: holding.person, detail: holding.office.rawValue))
            }
        }
        for id in Set(before.consortia.keys).union(after.consortia.keys).sorted() {
            guard let new = after.consortia[id] else { continue }
            let old = before.consortia[id]
            if old == nil { changes.append(Change(kind: "consortium formed", subject: id, detail: new.name)) }
            let was = old?.members ?? [:]
            for institute in Set(was.keys).union(new.members.keys).sorted() {
                if was[institute] == nil, new.members[institute] != nil {
                    changes.append(Change(kind: "consortium joined", subject: id, detail: institute.rawValue))
                } else if was[institute] != nil, new.members[institute] == nil {
                    changes.append(Change(kind: "consortium left", subject: id, detail: institute.rawValue))
                }
            }
        }
        return changes
    }

    /// The kind of a label change, in the words of `LabelStatus`; nil when nothing a reader sees changed.
    static func labelChange(_ was: LabelStatus, _ now: LabelStatus) -> String? {
        switch (was, now) {
        case (.held, .held): "label changed"
        case (_, .held): "label held"
        case (_, .ended): "label ended"
        case (.held, .notKnown), (.ended, .notKnown): "label not known"
        case (.notKnown, .notKnown): nil
        }
    }

    /// "held: carnot (carnot-4) [2020-02-07, 2024-02-07)", "ended: …", "not known".
    static func describe(_ status: LabelStatus) -> String {
        switch status {
        case .held(let term), .ended(let term): "\(status.words): \(describe(term))"
        case .notKnown: status.words
        }
    }

    static func describe(_ term: LabelTerm) -> String {
        "\(term.kind.rawValue) (\(term.call)) [\(term.from), \(term.until))" + (term.probation ? " on probation" : "")
    }
}
