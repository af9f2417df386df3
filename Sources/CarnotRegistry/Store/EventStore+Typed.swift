extension EventStore {
    /// The events of the given types at positions up to `through`, decoded, in log order: a partial read
    /// for questions about one kind of fact (which label events a term rests on), without decoding the rest.
    ///
    /// ```swift
    /// let labels = try store.events(types: ["label.granted", "label.renewed", "event.corrected"], through: 217)
    /// ```
    public func events(types: Set<String>, through: Int64 = .max) throws(StoreError) -> [RecordedEvent] {
        guard !types.isEmpty else { return [] }
        return try guarded {
            let names = types.sorted()
            let placeholders = names.indices.map { "?\($0 + 2)" }.joined(separator: ", ")
            var result: [RecordedEvent] = []
            let statement = try connection.statement(
                "SELECT seq, body, prev, hash FROM events WHERE seq <= ?1 AND type IN (\(placeholders)) ORDER BY seq")
            try statement.query([.integer(through)] + names.map { .text($0) }) { row in
                result.append(try Self.decode(row))
                return true
            }
            return result
        }
    }
}
