/// One line of plain language for an event, for `carnot log` and `carnot history`.
public enum EventSummary {
    public static func describe(_ event: Event) -> String {
        switch event {
        case .instituteRegistered(let id, let name, let homes):
            "institute \(id) registered as \"\(name)\"" + (homes.isEmpty ? "" : " (\(homes.joined(separator: ", ")))")
        case .instituteRenamed(let id, let name): "institute \(id) renamed \"\(name)\""
        case .directorAppointed(let id, let person): "\(person) appointed director of \(id)"
        case .callOpened(let id, let name, let closes):
            "call \(id) \"\(name)\" opened" + (closes.map { ", closing \($0)" } ?? "")
        case .callResultsAnnounced(let id, let counts):
            "results of \(id): \(counts.labelled) labelled" + [
                counts.renewed.map { "\($0) renewed" }, counts.new.map { "\($0) new" },
                counts.notRenewed.map { "\($0) not renewed" }, counts.tremplins.map { "\($0) tremplins" },
                counts.probation.map { "\($0) on probation" },
            ].compactMap { $0.map { ", " + $0 } }.joined()
        case .labelGranted(let id, let kind, let call, let from, let until, let probation):
            "\(kind.rawValue) label granted to \(id) in \(call), [\(from), \(until))" + (probation ? " on probation" : "")
        case .labelRenewed(let id, let call, let from, let until): "label of \(id) renewed in \(call), [\(from), \(until))"
        case .labelExtended(let id, let until): "label of \(id) extended until \(until)"
        case .labelWithdrawn(let id, let reason): "label of \(id) withdrawn: \(reason)"
        case .labelNotRenewed(let id, let call, let reason):
            "\(id) not renewed in \(call)" + (reason.map { ": \($0)" } ?? "")
        case .schoolRegistered(let id, let name, let parent):
            "school \(id) registered as \"\(name)\"" + (parent.map { " (\($0))" } ?? "")
        case .schoolRenamed(let id, let name): "school \(id) renamed \"\(name)\""
        case .schoolParentChanged(let id, let parent): "school \(id) now under \(parent)"
        case .schoolsMerged(let schools, let into, let name, _):
            "\(schools.map(\.rawValue).joined(separator: " + ")) merged into \(into) \"\(name)\""
        case .schoolAffiliated(let school, let institute, let role): "\(school) affiliated to \(institute) as \(role.rawValue)"
        case .schoolDisaffiliated(let school, let institute): "\(school) no longer affiliated to \(institute)"
        case .personRegistered(let id, let name, let aliases):
            "person \(id) registered as \"\(name)\"" + (aliases.isEmpty ? "" : " (also \(aliases.joined(separator: ", ")))")
        case .officeHolderAppointed(let person, let office, let representing):
            "\(person) appointed \(office.rawValue)" + (representing.map { " representing \($0)" } ?? "")
        case .officeHolderLeft(let person, let office): "\(person) left the office of \(office.rawValue)"
        case .consortiumFormed(let id, let name): "consortium \(id) \"\(name)\" formed"
        case .consortiumJoined(let id, let institute, let role): "\(institute) joined \(id) as \(role.rawValue)"
        case .consortiumLeft(let id, let institute): "\(institute) left \(id)"
        case .eventRetracted(let target, let reason): "event \(target) retracted: \(reason)"
        case .eventCorrected(let target, let reason, let replacement):
            "event \(target) corrected (\(reason)): now \(describe(replacement.event)) from \(replacement.effective.formatted(replacement.precision))"
        }
    }
}
