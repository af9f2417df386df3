import CarnotRegistry

/// The state of the network as a person reads it: one table per concern.
enum StateTable {
    static func render(_ state: RegistryState, at day: Day, head: LogHead) -> String {
        var sections = [TableStyle.current.wrapped("Carnot network on \(day), from the log up to position \(head.seq)\n"
                                                   + completeness(state, at: day))]
        let institutes = state.institutes.values.sorted { $0.id < $1.id }
        let statuses = institutes.map { LabelStatus($0, on: day) }
        let counts = ["held", "ended", "not known"].map { words in "\(statuses.filter { $0.words == words }.count) \(words)" }
        sections.append(TableStyle.current.wrapped("Institutes: \(institutes.count) registered; label on \(day): \(counts.joined(separator: ", "))") + "\n"
                        + self.institutes(state, at: day).rendered)

        let schools = state.schools.values.filter(\.isActive).sorted { $0.id < $1.id }
        if !schools.isEmpty {
            var table = TextTable("SCHOOL", "NAME", "PARENT", "INSTITUTES")
            for school in schools {
                let links = school.affiliations.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.rawValue))" }
                table.add(school.id.rawValue, school.name, school.parent ?? "-", links.isEmpty ? "-" : links.joined(separator: ", "))
            }
            sections.append("Schools: \(schools.count)\n" + table.rendered)
        }
        if !state.offices.isEmpty {
            var table = TextTable("OFFICE", "PERSON", "REPRESENTING", "SINCE")
            let order = Dictionary(uniqueKeysWithValues: Office.allCases.enumerated().map { ($1, $0) })
            for holding in state.offices.sorted(by: { (order[$0.office]!, $0.person) < (order[$1.office]!, $1.person) }) {
                table.add(holding.office.rawValue, state.people[holding.person]?.name ?? holding.person.rawValue,
                          holding.representing?.rawValue ?? "-", holding.since.formatted(holding.sincePrecision))
            }
            sections.append("Association offices\n" + table.rendered)
        }
        if !state.consortia.isEmpty {
            var table = TextTable("CONSORTIUM", "NAME", "MEMBERS")
            for consortium in state.consortia.values.sorted(by: { $0.id < $1.id }) {
                let members = consortium.members.sorted { $0.key < $1.key }
                    .map { $0.value == .member ? $0.key.rawValue : "\($0.key) (\($0.value.rawValue))" }
                table.add(consortium.id.rawValue, consortium.name, members.isEmpty ? "-" : members.joined(separator: ", "))
            }
            sections.append("Consortia\n" + table.rendered)
        }
        return sections.joined(separator: "\n\n")
    }

    /// The first lines of the answer: how much of the published results on `day` the registry names, and
    /// what an unnamed or uncovered label means.
    static func completeness(_ state: RegistryState, at day: Day) -> String {
        let lines = Completeness.lines(state, on: day)
        guard !lines.isEmpty else { return "No call results are published on or before \(day)." }
        return lines.map(\.sentence).joined(separator: "\n")
            + "\nThe registry names only the institutes below. LABEL: \"held\" that day; \"ended\" (the last recorded term ran out, "
            + "was withdrawn or not renewed); \"not known\" (nothing recorded covers that day, not \"not labelled\")."
    }

    /// The main table, one row per institute: also what `state --format csv` prints.
    static func institutes(_ state: RegistryState, at day: Day) -> TextTable {
        var table = TextTable("INSTITUTE", "NAME", "LABEL", "CALL", "TERM", "SCHOOLS")
        for institute in state.institutes.values.sorted(by: { $0.id < $1.id }) {
            let status = LabelStatus(institute, on: day)
            let term: LabelTerm? = switch status {
            case .held(let term), .ended(let term): term
            case .notKnown: nil
            }
            let schools = state.schools(of: institute.id).map { $0.role == .member ? $0.school.name : "\($0.school.name) (\($0.role.rawValue))" }
            table.add(institute.id.rawValue, institute.name, status.phrase,
                      term?.call.rawValue ?? "-", term.map { "\($0.from) to \($0.until)" } ?? "-",
                      schools.isEmpty ? "-" : schools.joined(separator: ", "))
        }
        return table
    }
}
