import CarnotRegistry
import Foundation

/// A small search over the names and ids the registry holds, accents and case ignored ("ecole" finds
/// "École"). Kept in a file of its own so a library-wide search can replace it.
enum NameSearch {
    struct Hit: Equatable, Sendable {
        let id: EntityID
        let kind: EntityKind
        let name: String
    }

    /// The entities whose id or name (or another known spelling) contains every word of `query`.
    static func find(_ query: String, in state: RegistryState, limit: Int = 50) -> [Hit] {
        let words = fold(query).split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !words.isEmpty else { return [] }
        var candidates: [(Hit, [String])] = []
        candidates += state.institutes.values.map { (Hit(id: $0.id, kind: .institute, name: $0.name), [$0.name] + $0.homeInstitutions) }
        candidates += state.schools.values.filter(\.isActive).map { (Hit(id: $0.id, kind: .school, name: $0.name), [$0.name]) }
        candidates += state.people.values.map { (Hit(id: $0.id, kind: .person, name: $0.name), [$0.name] + $0.alsoKnownAs) }
        candidates += state.consortia.values.map { (Hit(id: $0.id, kind: .consortium, name: $0.name), [$0.name]) }
        candidates += state.calls.values.map { (Hit(id: $0.id, kind: .call, name: $0.name), [$0.name]) }
        let exact = fold(query).trimmingCharacters(in: .whitespaces)
        return candidates.filter { hit, names in
            let haystack = ([hit.id.rawValue] + names).map(fold).joined(separator: " ")
            return words.allSatisfy { haystack.contains($0) }
        }
        .map(\.0)
        .sorted { ($0.id.rawValue == exact ? 0 : 1, fold($0.name), $0.id) < ($1.id.rawValue == exact ? 0 : 1, fold($1.name), $1.id) }
        .prefix(limit).map { $0 }
    }

    /// Lower case without diacritics: "Télécom" → "telecom".
    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }
}
