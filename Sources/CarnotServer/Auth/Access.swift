import Foundation
import CarnotRegistry
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// Who may do what: reads are public unless the server requires a token; writes need a recorder's token.
struct Access: Sendable {
    let tokens: TokenFile
    let requireToken: Bool

    /// The caller, from the `Authorization: Bearer` header: nil for an anonymous request.
    /// - Throws: 401 for a token that is not (or no longer) in the token file, or a malformed header.
    func principal(of request: Request) throws -> Principal? {
        guard request.headers[.authorization] != nil else { return nil }
        guard let bearer = request.headers.bearer, !bearer.token.isEmpty else {
            throw Self.unauthorized("the Authorization header must be `Bearer <token>`", value: "not a bearer token")
        }
        let principal: Principal?
        do { principal = try tokens.principal(for: bearer.token) } catch {
            throw Problem(.internalServerError, "token-file", "the server cannot read its token file")
        }
        guard let principal else {
            throw Self.unauthorized("the bearer token is not valid (unknown or revoked); ask for a new one (`carnot token add`)", value: "unknown token")
        }
        return principal
    }

    /// Checks that the caller may read: anyone, unless the server requires a token.
    func checkRead(_ request: Request) throws {
        let principal = try principal(of: request)
        if requireToken, principal == nil {
            throw Self.unauthorized("this server requires a token to read: send `Authorization: Bearer <token>`", value: nil)
        }
    }

    /// The caller, who must hold `role` (a recorder may do what an auditor may).
    func require(_ role: Role, _ request: Request) throws -> Principal {
        guard let principal = try principal(of: request) else {
            throw Self.unauthorized("this needs the token of a \(role.rawValue): send `Authorization: Bearer <token>`", value: nil)
        }
        guard principal.role == role || principal.role == .recorder else {
            throw Problem(.forbidden, "forbidden", "the token of \(principal.name) has role \(principal.role.rawValue); this needs \(role.rawValue)",
                          field: "Authorization", value: principal.role.rawValue, rule: "role must be \(role.rawValue)")
        }
        return principal
    }

    static func unauthorized(_ detail: String, value: String?) -> Problem {
        var problem = Problem(.unauthorized, "unauthorized", detail, field: "Authorization", value: value,
                              rule: "Bearer token of the token file")
        problem.headers[.wwwAuthenticate] = "Bearer realm=\"carnot\""
        return problem
    }
}
