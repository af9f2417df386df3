import CarnotRegistry

/// Shell completion of entity ids, from the store the command line names (`--db`) or the default one.
///
/// Runs inside the shell's completion request, so it never creates or writes a store and stays silent on
/// any error: a failed completion offers nothing rather than printing into the user's prompt.
enum IDCompletion {
    @Sendable static func complete(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        let path = arguments.firstIndex(of: "--db").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
            ?? StoreOptions.defaultPath
        guard let store = try? EventStore(path: path, readOnly: true), let state = try? store.currentState() else { return [] }
        let ids = state.institutes.keys.map(\.rawValue) + state.schools.keys.map(\.rawValue) + state.people.keys.map(\.rawValue)
            + state.consortia.keys.map(\.rawValue) + state.calls.keys.map(\.rawValue)
        return ids.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
