import ArgumentParser
import CarnotRegistry

/// Parses a record-time bound of `log --from/--to`: a day or an instant as tables print it.
enum RecordTimeBound {
    /// The first instant `text` names: a day means its start; an instant is taken as written.
    static func start(_ text: String, option: String) throws -> Timestamp {
        if text.count == 10, let date = try? PartialDate(parsing: text), date.precision == .day {
            return Timestamp(startOf: date.day)
        }
        guard let instant = Timestamp(parsing: text.hasSuffix("Z") ? text : text + "Z") else { throw refusal(text, option) }
        return instant
    }

    /// The last instant `text` names: a day or a second means its end (as --known-at reads it).
    static func end(_ text: String, option: String) throws -> Timestamp {
        guard let instant = Timestamp(argument: text) else { throw refusal(text, option) }
        return instant
    }

    private static func refusal(_ text: String, _ option: String) -> ArgumentParser.ValidationError {
        if text.count <= 10, case .failure(let error) = Result(catching: { () throws(DateFormatError) in try PartialDate(parsing: text) }) {
            return ArgumentParser.ValidationError("--\(option) \(error)")
        }
        return ArgumentParser.ValidationError("--\(option) '\(text)': write a day (2026-11-29) or a UTC instant as tables print it (2026-11-29T21:26:44.839127Z)")
    }
}
