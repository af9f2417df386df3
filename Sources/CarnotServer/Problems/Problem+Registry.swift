import Foundation
import CarnotRegistry
import Hummingbird

extension Problem {
    /// The problem for a refusal of the store, with the status the command line's exit code stands for:
    /// 64 (bad input) → 400, 65 (conflict) → 409 or 412, 66 (integrity) and 1 (other) → 500.
    init(_ error: StoreError) {
        switch error {
        case .invalid(let invalid):
            self.init(.badRequest, "invalid-decision", error.description, field: invalid.field, value: invalid.value, rule: invalid.rule)
            index = invalid.index
        case .badQuery(let invalid):
            self.init(.badRequest, "bad-query", error.description, field: invalid.field, value: invalid.value, rule: invalid.rule)
        case .malformed(let malformed):
            self.init(.badRequest, "malformed-decision", error.description, field: malformed.field, value: malformed.value, rule: malformed.rule)
        case .conflict(let expected, let actual):
            self.init(.preconditionFailed, "head-moved",
                      "the log head is at \(actual), not at \(expected) as If-Match expected: read the new events (GET /api/log?since=\(expected)), then retry with If-Match: \(actual)",
                      field: "If-Match", value: String(expected), rule: "must be the current head position")
        case .idempotencyMismatch(let key, _, _):
            self.init(.conflict, "idempotency-key-reused", error.description, field: "Idempotency-Key", value: key,
                      rule: "a key names one decision")
        case .readOnly:
            self.init(.forbidden, "read-only", error.description)
        case .badLine:
            self.init(.badRequest, "bad-line", error.description)
        case .integrity, .database, .missing, .unusableFile:
            self.init(.internalServerError, "store-failure", error.description)
        }
    }

    /// A malformed decision document.
    init(_ error: EventFormatError) {
        self.init(StoreError.malformed(error))
    }

    /// A body that is not JSON.
    init(_ error: JSONError) {
        self.init(.badRequest, "malformed-json", "the body is not JSON: \(error)", field: "body",
                  value: "byte \(error.offset)", rule: error.reason)
    }

    /// A query parameter that does not parse.
    static func badParameter(_ name: String, _ value: String, rule: String) -> Problem {
        Problem(.badRequest, "bad-parameter", "\(name) \(value): \(rule)", field: name, value: value, rule: rule)
    }

    /// An id that names nothing.
    static func unknownEntity(_ id: String, detail: String) -> Problem {
        Problem(.notFound, "unknown-entity", detail, field: "id", value: id, rule: "must name an institute, school, person, consortium or call")
    }
}
