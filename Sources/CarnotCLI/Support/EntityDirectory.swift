import CarnotRegistry
import Foundation

/// Every entity the log names, with its current name and the other names it has gone by: what `find`,
/// `list` and name lookup (`show "MERS"`) search.
struct EntityDirectory {
    struct Entry {
        let id: EntityID
        let kind: EntityKind
        /// The name in the current state (the last one recorded).
        let name: String
        /// Earlier names, names before a merger, and a person's other spellings.
        let otherNames: [String]
    }

    let entries: [Entry]

    /// The entities of `state`, with the other names found in `events`.
    init(state: RegistryState, events: [RecordedEvent]) {
        var names: [EntityID: [String]] = [:]
        func note(_ id: EntityID, _ name: String) { names[id, default: []].append(name) }
        for recorded in events {
            let event: Event
            if case .eventCorrected(_, _, let replacement) = recorded.event { event = replacement.event } else { event = recorded.event }
            switch event {
            case .instituteRegistered(let id, let name, _), .instituteRenamed(let id, let name), .callOpened(let id, let name, _),
                 .schoolRegistered(let id, let name, _), .schoolRenamed(let id, let name), .consortiumFormed(let id, let name):
                note(id, name)
            case .schoolsMerged(_, let into, let name, _): note(into, name)
            case .personRegistered(let id, let name, let others): note(id, name); others.forEach { note(id, $0) }
            default: continue
            }
        }
        var entries: [Entry] = []
        func add(_ id: EntityID, _ kind: EntityKind, _ name: String) {
            var seen: Set<String> = [name]
            let others = (names[id] ?? []).filter { seen.insert($0).inserted }
            entries.append(Entry(id: id, kind: kind, name: name, otherNames: others))
        }
        for record in state.institutes.values { add(record.id, .institute, record.name) }
        for record in state.schools.values { add(record.id, .school, record.name) }
        for record in state.people.values {
            add(record.id, .person, record.name)
        }
        for record in state.consortia.values { add(record.id, .consortium, record.name) }
        for record in state.calls.values { add(record.id, .call, record.name) }
        self.entries = entries.sorted { $0.id < $1.id }
    }

    /// The entities whose id, name or other name contains `query`, ignoring case, accents and punctuation.
    func matching(_ query: String) -> [Entry] {
        let wanted = Self.folded(query), compact = Self.compact(query)
        guard !wanted.isEmpty else { return [] }
        return entries.filter { entry in
            ([entry.id.rawValue, entry.name] + entry.otherNames).contains { text in
                Self.folded(text).contains(wanted) || (!compact.isEmpty && Self.compact(text).contains(compact))
            }
        }
    }

    /// The entity `text` designates: an id, or else a name or other name that only one entity matches.
    /// - Throws: a `CommandFailure` (64) naming the candidates when there are several or none.
    func resolve(_ text: String) throws -> EntityID {
        if let id = EntityID(text), entries.contains(where: { $0.id == id }) { return id }
        let found = matching(text)
        let exact = found.filter { entry in ([entry.name] + entry.otherNames).contains { Self.folded($0) == Self.folded(text) } }
        if exact.count == 1 { return exact[0].id }
        if found.count == 1 { return found[0].id }
        if found.isEmpty {
            let hint = Suggestion.sentence(for: text, among: entries.map(\.id.rawValue))
            throw CommandFailure(message: "no id or name matches '\(text)'.\(hint) Search with `carnot find TEXT`, list with `carnot list institutes`", code: 64)
        }
        let shown = found.prefix(8).map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        throw CommandFailure(message: "'\(text)' matches \(found.count) entities: \(shown)\(found.count > 8 ? ", ..." : ""); give one id", code: 64)
    }

    /// Lower case, without accents: what a person means by "the same letters".
    static func folded(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }

    /// Letters and digits only, so that "MINES" finds "M.I.N.E.S" and "imt atlantique" finds "imt-atlantique".
    static func compact(_ text: String) -> String {
        String(folded(text).filter { $0.isLetter || $0.isNumber })
    }
}

extension EntityDirectory {
    /// The directory of the store's current state.
    init(store: EventStore) throws {
        let (state, events) = try CommandFailure.guarding { () throws(StoreError) in (try store.currentState(), try store.events()) }
        self.init(state: state, events: events)
    }

    /// The entity `text` designates in `store`. An id the current state knows is taken at once, without
    /// reading the log for names, so that `show ID` stays as fast on a large log as before names were accepted.
    static func resolve(_ text: String, in store: EventStore) throws -> EntityID {
        if let id = EntityID(text), try CommandFailure.guarding({ () throws(StoreError) in try store.currentState() }).kind(of: id) != nil {
            return id
        }
        return try EntityDirectory(store: store).resolve(text)
    }
}
