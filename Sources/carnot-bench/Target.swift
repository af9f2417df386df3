/// A target of issue 13 ("Performance") as the table prints it: the bound, then "met" or "MISSED".
///
/// Ratios are judged at every size (they must not fall as the log grows); absolute figures, which the
/// issue sets for the 1M log, only on logs of a million events or more, and shown as "(at 1M)" below.
struct Target {
    let events: Int

    /// A ratio (or rate) that must reach `bound`.
    func atLeast(_ value: Double, _ bound: Double, _ text: String) -> String {
        "\(text) " + (value >= bound ? "met" : "MISSED")
    }

    /// A ratio that must stay within `bound`.
    func atMost(_ value: Double, _ bound: Double, _ text: String) -> String {
        "\(text) " + (value <= bound ? "met" : "MISSED")
    }

    /// An absolute figure the issue bounds at 1M events.
    func atMostAt1M(_ value: Double, _ bound: Double, _ text: String) -> String {
        events >= 1_000_000 ? atMost(value, bound, text) : "\(text) (at 1M)"
    }
}
