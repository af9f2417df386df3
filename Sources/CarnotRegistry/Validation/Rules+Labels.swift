extension Rules {
    /// An institute holds at most one label term on any day, whatever its kind: a new term may not share a
    /// day with a term known on the event's day or at any later day of the log.
    ///
    /// A tremplin that becomes a Carnot label is a new grant after the tremplin ends (or a correction of the
    /// tremplin's term), never a second label held beside it.
    /// - Parameters:
    ///   - extending: the term an extension lengthens, which does not count against itself.
    func noOverlap(_ id: EntityID, from: Day, until: Day, field: String = "payload.institute",
                   extending: LabelTerm? = nil) throws(ValidationError) {
        let known = (state.institutes[id]?.terms ?? []) + (allTime.institutes[id]?.terms ?? [])
        for term in known where term.from < until && from < term.until {
            if let extending, term.call == extending.call, term.from == extending.from { continue }
            throw ValidationError(
                field: field, value: id.rawValue,
                rule: "holds a \(term.kind.rawValue) label from \(term.from) until \(term.until) (call \(term.call)), which shares days with [\(from), \(until)); an institute holds one label term at a time, of either kind: start the new term on or after \(term.until), withdraw the running term first, or correct the event that recorded it")
        }
    }

    /// An extension lengthens the term the institute holds on its effective day, or one that ends on or
    /// after that day; a term that ended earlier is over, and only a new grant or renewal can follow it.
    func extensible(_ institute: InstituteRecord, until: Day) throws(ValidationError) -> LabelTerm {
        guard let current = institute.terms.last else {
            throw ValidationError(field: "payload.institute", value: institute.id.rawValue,
                                  rule: "has never been granted a label by \(day); record a grant first")
        }
        guard current.until >= day else {
            throw ValidationError(field: "payload.institute", value: institute.id.rawValue,
                                  rule: "its last term ended on \(current.until), before the extension takes effect (\(day)); an ended term cannot be extended: record a renewal or a new grant instead")
        }
        guard until > current.until else {
            throw ValidationError(field: "payload.until", value: until.description,
                                  rule: "an extension ends after the current term's end (\(current.until))")
        }
        try noOverlap(institute.id, from: current.from, until: until, field: "payload.until", extending: current)
        return current
    }

    /// A call's results are announced once; a later figure corrects the announcement.
    func notYetAnnounced(_ id: EntityID) throws(ValidationError) {
        guard let call = [state.calls[id], allTime.calls[id]].first(where: { $0?.results != nil }) ?? nil else { return }
        throw ValidationError(field: "payload.call", value: id.rawValue,
                              rule: "its results were already announced\(call.announced.map { " (\($0))" } ?? ""); record a correction of that announcement (event.corrected) instead of a second one")
    }
}
