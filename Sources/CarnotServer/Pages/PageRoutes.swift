import CarnotRegistry
import Foundation
import Hummingbird

/// The web pages: server-rendered HTML, readable without JavaScript.
struct PageRoutes: Sendable {
    let store: RegistryStore
    let access: Access
    let snapshotsFolder: String?
    static let renderer = PageRenderer()
    var renderer: PageRenderer { Self.renderer }

    func register(on table: RouteTable) {
        table.on(.get, "/") { request, _ in try await network(request) }
        table.on(.get, "/institutes/{id}") { request, context in try await institute(request, context) }
        table.on(.get, "/entities/{id}") { request, context in try await entity(request, context) }
        table.on(.get, "/events/{seq}") { request, context in try await event(request, context) }
        table.on(.get, "/log") { request, _ in try await log(request) }
        table.on(.get, "/audit") { request, _ in try await audit(request) }
        table.on(.get, "/search") { request, _ in try await search(request) }
    }

    static var today: Day { SystemEnvironment().now().day }

    func network(_ request: Request) async throws -> Response {
        try access.checkRead(request)
        let query = QueryParameters(request)
        let day = try query.optionalDay("at") ?? Self.today
        let upto = query.string("upto").flatMap { $0.isEmpty ? nil : $0 }
        let knownAtText = query.string("knownAt").flatMap { $0.isEmpty ? nil : $0 }
        var knownAt = KnownAt.everything
        if let upto {
            guard let seq = Int64(upto), seq >= 0 else { throw Problem.badParameter("upto", upto, rule: "a log position (0 or more)") }
            knownAt = .position(seq)
        } else if let knownAtText {
            guard let instant = Timestamp(parsing: knownAtText) else {
                throw Problem.badParameter("knownAt", knownAtText, rule: "a day YYYY-MM-DD (its end) or an instant YYYY-MM-DDTHH:MM:SSZ")
            }
            knownAt = .instant(instant)
        }
        let cutoff = knownAt
        let (state, cut, head) = try await store.read { store in
            let cut = try Cut.resolve(cutoff, in: store)
            let state = try store.state(at: day, knownAt: .position(cut.head.seq))
            return (state, cut, try store.head())
        }
        let at = day.description
        let institutes = state.institutes.values.sorted { NameSearch.fold($0.name) < NameSearch.fold($1.name) }
        let labels = institutes.compactMap { $0.label(on: day) }
        // The same completeness line as `carnot state`: the latest results on or before the day beside the named.
        let sentences = Completeness.lines(state, on: day).map(\.sentence)
        let completeness: [[String: Any]] = sentences.enumerated().map { index, sentence in
            ["text": sentence, "last": index == sentences.count - 1]
        }
        let context: [String: Any] = [
            "at": at, "upto": upto ?? "", "knownAt": knownAtText ?? "", "cutSeq": String(cut.head.seq),
            "knownAtText": knownAtText.map { "known at the end of \($0)" } ?? "",
            "labelled": String(labels.count), "carnot": String(labels.filter { $0.kind == .carnot }.count),
            "tremplin": String(labels.filter { $0.kind == .tremplin }.count), "registered": String(institutes.count),
            "completeness": completeness,
            "institutes": institutes.map { record -> [String: Any] in
                // The CLI's words: "held", "ended" (a term ran out, was withdrawn or not renewed), "not known".
                let label = switch LabelStatus(record, on: day) {
                case .held(let term):
                    "held: \(term.kind.rawValue), \(term.call), \(term.from) to \(term.until)" + (term.probation ? ", probation" : "")
                case let status: status.phrase
                }
                return ["id": record.id.rawValue, "name": record.name, "label": label, "at": at,
                        "schools": state.schools(of: record.id).map { ["id": $0.school.id.rawValue, "name": $0.school.name, "role": $0.role.rawValue, "at": at] },
                        "consortia": state.consortia(of: record.id).map { ["id": $0.id.rawValue, "at": at] }]
            },
            "offices": state.offices.sorted { ($0.office.rawValue, $0.person) < ($1.office.rawValue, $1.person) }.map { holding -> [String: Any] in
                ["office": holding.office.rawValue, "person": holding.person.rawValue, "at": at,
                 "name": state.people[holding.person]?.name ?? holding.person.rawValue,
                 "representing": holding.representing?.rawValue ?? ""]
            },
            "consortiaList": state.consortia.values.sorted { $0.id < $1.id }.map { consortium -> [String: Any] in
                ["id": consortium.id.rawValue, "name": consortium.name, "at": at,
                 "members": consortium.members.keys.sorted().map { "\($0) (\(consortium.members[$0]!.rawValue))" }.joined(separator: ", ")]
            },
        ]
        return Reply.html(renderer.render("network", title: "Network on \(at)", head: head, context))
    }

    func institute(_ request: Request, _ context: some RequestContext) async throws -> Response {
        try access.checkRead(request)
        let id = try QueryParameters.entityID(context)
        let query = QueryParameters(request)
        let day = try query.optionalDay("at") ?? Self.today
        let (record, events, head) = try await store.read { store in
            (try store.currentState().institutes[id], try store.events(), try store.head())
        }
        guard let record else {
            throw Problem.unknownEntity(id.rawValue, detail: "no institute '\(id)'; search for it at /search?q=\(id)")
        }
        let timeline = InstituteTimeline(id, record: record, events: events)
        let today = Self.today
        let end = max(today, timeline.bars.compactMap(\.until).max() ?? today)
        let svg = TimelineSVG.render(timeline, title: "Timeline of \(record.name) from 2006", start: Day(year: 2006, month: 1, day: 1)!, end: end)
        let page: [String: Any] = [
            "id": id.rawValue, "name": record.name, "home": record.homeInstitutions.joined(separator: ", "),
            "at": day.description, "today": today.description, "svg": svg,
            "bars": timeline.bars.map { bar -> [String: Any] in
                ["row": bar.row, "text": bar.text, "from": bar.from.description, "until": bar.until?.description ?? "now",
                 "events": bar.seqs.map { ["seq": String($0)] }]
            },
        ]
        return Reply.html(renderer.render("institute", title: record.name, head: head, page))
    }
}
