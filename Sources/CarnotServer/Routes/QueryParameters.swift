import CarnotRegistry
import Foundation
import Hummingbird

/// The query string of a request, read with the command line's rules and refused with a problem that
/// names the parameter, its value and the rule.
struct QueryParameters {
    let request: Request

    init(_ request: Request) { self.request = request }

    /// The value, percent-decoded by Hummingbird; `+` is a space, as HTML forms send it.
    func string(_ name: String) -> String? {
        request.uri.queryParameters[Substring(name)].map { String($0).replacingOccurrences(of: "+", with: " ") }
    }

    /// A day (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), required.
    func day(_ name: String) throws -> Day {
        guard let text = string(name), !text.isEmpty else {
            throw Problem.badParameter(name, "", rule: "required: a date YYYY, YYYY-MM or YYYY-MM-DD")
        }
        do { return try PartialDate(parsing: text).day } catch {
            throw Problem.badParameter(name, text, rule: error.description)
        }
    }

    /// A day, or nil when the parameter is absent or empty (a form left blank).
    func optionalDay(_ name: String) throws -> Day? {
        guard let text = string(name), !text.isEmpty else { return nil }
        return try day(name)
    }

    /// A whole number within `range`, or `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int64>, default fallback: Int64) throws -> Int64 {
        guard let text = string(name) else { return fallback }
        guard let value = Int64(text), range.contains(value) else {
            throw Problem.badParameter(name, text, rule: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The record-time cut-off: `upto` (a position) or `knownAt` (an instant), as `--upto` / `--known-at`.
    func cutoff() throws -> KnownAt {
        let upto = string("upto"), knownAt = string("knownAt")
        if upto != nil, knownAt != nil {
            throw Problem.badParameter("knownAt", knownAt!, rule: "upto and knownAt both set a record-time cut-off: give one of them")
        }
        if upto != nil { return .position(try integer("upto", in: 0...Int64.max, default: 0)) }
        if let knownAt {
            guard let instant = Timestamp(parsing: knownAt) else {
                throw Problem.badParameter("knownAt", knownAt, rule: "a UTC instant YYYY-MM-DDTHH:MM:SSZ, or a day YYYY-MM-DD (its end)")
            }
            return .instant(instant)
        }
        return .everything
    }

    /// An entity id from the path.
    static func entityID(_ context: some RequestContext) throws -> EntityID {
        let text = context.parameters.get("id") ?? ""
        guard let id = EntityID(text) else { throw Problem.badParameter("id", text, rule: EntityID.rule) }
        return id
    }
}
