import Foundation
/// What a token may do. Anonymous callers (no token) may read the public API and pages unless the server
/// requires a token.
public enum Role: String, CaseIterable, Sendable {
    /// May record decisions, and read everything.
    case recorder
    /// May read everything, including the audit routes; may not write.
    case auditor
}

/// Who a request comes from: a token's name and role. The name is the `recordedBy` of what it records.
public struct Principal: Equatable, Sendable {
    public let name: String
    public let role: Role
}
