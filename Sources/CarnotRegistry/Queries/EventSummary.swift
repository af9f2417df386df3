/// One line of plain language for an event, for `carnot log` and `carnot history`.
public enum EventSummary {
    public static func describe(_ event: Event) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(96)
        append(event, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the bytes of `describe(event)` to `out`: a listing of tens of thousands of rows
    /// (`carnot history`) writes each line straight into its table, building no `String` piece by piece.
    public static func append(_ event: Event, to out: inout [UInt8]) {
        var w = Writer(out: out)
        out = []
        defer { out = w.out }
        w.summary(event)
    }

    /// The bytes of a summary, appended piece by piece.
    private struct Writer {
        var out: [UInt8]

        mutating func put(_ text: String) { out.append(contentsOf: text.utf8) }
        mutating func put(_ id: EntityID) { out.append(contentsOf: id.rawValue.utf8) }
        mutating func put(_ number: Int) { put(String(number)) }
        mutating func put(_ day: Day) { day.appendFormatted(.day, to: &out) }
        mutating func quoted(_ text: String) {
            out.append(UInt8(ascii: "\""))
            put(text)
            out.append(UInt8(ascii: "\""))
        }
        mutating func join<T>(_ items: [T], _ separator: String, _ each: (inout Writer, T) -> Void) {
            for (index, item) in items.enumerated() {
                if index > 0 { put(separator) }
                each(&self, item)
            }
        }

        mutating func summary(_ event: Event) {
            switch event {
            case .instituteRegistered(let id, let name, let homes):
                put("institute "); put(id); put(" registered as "); quoted(name)
                if !homes.isEmpty { put(" ("); join(homes, ", ") { $0.put($1) }; put(")") }
            case .instituteRenamed(let id, let name): put("institute "); put(id); put(" renamed "); quoted(name)
            case .directorAppointed(let id, let person): put(person); put(" appointed director of "); put(id)
            case .callOpened(let id, let name, let closes):
                put("call "); put(id); put(" "); quoted(name); put(" opened")
                if let closes { put(", closing "); put(closes) }
            case .callResultsAnnounced(let id, let counts):
                put("results of "); put(id); put(": "); put(counts.labelled); put(" labelled")
                for (count, what) in [(counts.renewed, " renewed"), (counts.new, " new"), (counts.notRenewed, " not renewed"),
                                      (counts.tremplins, " tremplins"), (counts.probation, " on probation")] {
                    if let count { put(", "); put(count); put(what) }
                }
            case .labelGranted(let id, let kind, let call, let from, let until, let probation):
                put(kind.rawValue); put(" label granted to "); put(id); put(" in "); put(call)
                put(", ["); put(from); put(", "); put(until); put(")")
                if probation { put(" on probation") }
            case .labelRenewed(let id, let call, let from, let until):
                put("label of "); put(id); put(" renewed in "); put(call); put(", ["); put(from); put(", "); put(until); put(")")
            case .labelExtended(let id, let until): put("label of "); put(id); put(" extended until "); put(until)
            case .labelWithdrawn(let id, let reason): put("label of "); put(id); put(" withdrawn: "); put(reason)
            case .labelNotRenewed(let id, let call, let reason):
                put(id); put(" not renewed in "); put(call)
                if let reason { put(": "); put(reason) }
            case .schoolRegistered(let id, let name, let parent):
                put("school "); put(id); put(" registered as "); quoted(name)
                if let parent { put(" ("); put(parent); put(")") }
            case .schoolRenamed(let id, let name): put("school "); put(id); put(" renamed "); quoted(name)
            case .schoolParentChanged(let id, let parent): put("school "); put(id); put(" now under "); put(parent)
            case .schoolsMerged(let schools, let into, let name, _):
                join(schools, " + ") { $0.put($1) }; put(" merged into "); put(into); put(" "); quoted(name)
            case .schoolAffiliated(let school, let institute, let role):
                put(school); put(" affiliated to "); put(institute); put(" as "); put(role.rawValue)
            case .schoolDisaffiliated(let school, let institute): put(school); put(" no longer affiliated to "); put(institute)
            case .personRegistered(let id, let name, let aliases):
                put("person "); put(id); put(" registered as "); quoted(name)
                if !aliases.isEmpty { put(" (also "); join(aliases, ", ") { $0.put($1) }; put(")") }
            case .officeHolderAppointed(let person, let office, let representing):
                put(person); put(" appointed "); put(office.rawValue)
                if let representing { put(" representing "); put(representing) }
            case .officeHolderLeft(let person, let office): put(person); put(" left the office of "); put(office.rawValue)
            case .consortiumFormed(let id, let name): put("consortium "); put(id); put(" "); quoted(name); put(" formed")
            case .consortiumJoined(let id, let institute, let role): put(institute); put(" joined "); put(id); put(" as "); put(role.rawValue)
            case .consortiumLeft(let id, let institute): put(institute); put(" left "); put(id)
            case .eventRetracted(let target, let reason): put("event "); put(String(target)); put(" retracted: "); put(reason)
            case .eventCorrected(let target, let reason, let replacement):
                put("event "); put(String(target)); put(" corrected ("); put(reason); put("): now ")
                summary(replacement.event)
                put(" from "); replacement.effective.appendFormatted(replacement.precision, to: &out)
            }
        }
    }
}
