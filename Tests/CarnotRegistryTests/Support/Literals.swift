@testable import CarnotRegistry

/// The day a literal `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) stands for.
///
/// A literal that is not a date is a mistake in the test itself, not input under test, hence the trap.
func day(_ text: String) -> Day {
    date(text).day
}

/// The partial date a literal `YYYY`, `YYYY-MM` or `YYYY-MM-DD` stands for, with its precision.
func date(_ text: String) -> PartialDate {
    do {
        return try PartialDate(parsing: text)
    } catch {
        preconditionFailure("test literal '\(text)' is not a date: \(error)")
    }
}

/// The id a literal names: `state.institutes[entity("tsn")]`.
///
/// A function rather than a string-literal conformance, so that `EntityID("TSN")` keeps returning nil in
/// every test that checks the id rule.
func entity(_ text: String) -> EntityID {
    guard let id = EntityID(text) else { preconditionFailure("test literal '\(text)' is not an id") }
    return id
}

extension StoreError {
    /// The validation error an `.invalid` refusal carries, nil for every other refusal.
    var validation: ValidationError? {
        if case .invalid(let error) = self { return error }
        return nil
    }
}
