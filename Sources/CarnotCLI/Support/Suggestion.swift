/// "Did you mean" for mistyped names: the candidates within a small edit distance of what was typed.
enum Suggestion {
    /// The candidates closest to `typed` (at most `limit`), by Damerau-Levenshtein distance, within a third
    /// of the typed length (at least 1, at most 3) so that unrelated words are not offered.
    static func closest(to typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        let bound = min(3, max(1, typed.count / 3))
        return candidates.map { ($0, distance(typed.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= bound }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit).map(\.0)
    }

    /// " Did you mean 'a' or 'b'?", or "" when nothing is close.
    static func sentence(for typed: String, among candidates: [String]) -> String {
        let close = closest(to: typed, among: candidates)
        guard !close.isEmpty else { return "" }
        return " Did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
