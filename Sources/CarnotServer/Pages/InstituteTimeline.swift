import Foundation
import CarnotRegistry

/// The bars of an institute's timeline: its label terms, school affiliations and consortium memberships,
/// each with the positions of the events behind it.
struct InstituteTimeline {
    struct Bar {
        enum Style: String { case carnot, tremplin, probation, school, consortium }
        let row: String
        let text: String
        let from: Day
        /// Nil while it lasts.
        let until: Day?
        let seqs: [Int64]
        let style: Style
    }

    let bars: [Bar]

    /// From the current state's terms (the projection's own rules) and the facts in fold order.
    init(_ id: EntityID, record: InstituteRecord, events: [RecordedEvent]) {
        let facts = Timeline.facts(of: events)
        var bars: [Bar] = []
        for term in record.terms {
            let seqs = facts.filter { fact in
                switch fact.event {
                case .labelGranted(let institute, _, let call, let from, _, _), .labelRenewed(let institute, let call, let from, _):
                    institute == id && call == term.call && from == term.from
                case .labelExtended(let institute, _), .labelWithdrawn(let institute, _), .labelNotRenewed(let institute, _, _):
                    institute == id && fact.effective >= term.from && fact.effective <= term.until
                default: false
                }
            }.map(\.seq)
            let style: Bar.Style = term.probation ? .probation : (term.kind == .tremplin ? .tremplin : .carnot)
            var text = "\(term.kind.rawValue) label, \(term.call)"
            if term.probation { text += ", probation" }
            if let reason = term.withdrawal { text += ", withdrawn: \(reason)" }
            bars.append(Bar(row: "Label", text: text, from: term.from, until: term.until, seqs: seqs, style: style))
        }
        var schools: [EntityID: (from: Day, role: String, seqs: [Int64])] = [:]
        var consortia: [EntityID: (from: Day, role: String, seqs: [Int64])] = [:]
        func closeSchool(_ school: EntityID, _ day: Day, _ seq: Int64) {
            guard let open = schools.removeValue(forKey: school) else { return }
            bars.append(Bar(row: "School \(school)", text: "\(school), \(open.role)", from: open.from, until: day, seqs: open.seqs + [seq], style: .school))
        }
        for fact in facts {
            switch fact.event {
            case .schoolAffiliated(let school, let institute, let role) where institute == id:
                if schools[school] == nil { schools[school] = (fact.effective, role.rawValue, [fact.seq]) }
            case .schoolDisaffiliated(let school, let institute) where institute == id:
                closeSchool(school, fact.effective, fact.seq)
            case .schoolsMerged(let merged, let into, _, _):
                let roles = merged.compactMap { schools[$0]?.role }
                guard let role = roles.first else { continue }
                for school in merged { closeSchool(school, fact.effective, fact.seq) }
                if schools[into] == nil { schools[into] = (fact.effective, role, [fact.seq]) }
            case .consortiumJoined(let consortium, let institute, let role) where institute == id:
                if consortia[consortium] == nil { consortia[consortium] = (fact.effective, role.rawValue, [fact.seq]) }
            case .consortiumLeft(let consortium, let institute) where institute == id:
                if let open = consortia.removeValue(forKey: consortium) {
                    bars.append(Bar(row: "Consortium \(consortium)", text: "\(consortium), \(open.role)", from: open.from,
                                    until: fact.effective, seqs: open.seqs + [fact.seq], style: .consortium))
                }
            default: continue
            }
        }
        for (school, open) in schools {
            bars.append(Bar(row: "School \(school)", text: "\(school), \(open.role)", from: open.from, until: nil, seqs: open.seqs, style: .school))
        }
        for (consortium, open) in consortia {
            bars.append(Bar(row: "Consortium \(consortium)", text: "\(consortium), \(open.role)", from: open.from, until: nil, seqs: open.seqs, style: .consortium))
        }
        let order = { (bar: Bar) in bar.row == "Label" ? 0 : bar.row.hasPrefix("School") ? 1 : 2 }
        self.bars = bars.sorted { (order($0), $0.row, $0.from) < (order($1), $1.row, $1.from) }
    }
}
