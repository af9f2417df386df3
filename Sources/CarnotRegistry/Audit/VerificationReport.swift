/// The outcome of `carnot verify`: how far the chain holds and, if it breaks, where.
public struct VerificationReport: Equatable, Sendable {
    /// The last position that verified.
    public let verifiedHead: LogHead
    /// The first break, nil when the whole log verifies.
    public let failure: ChainVerifier.Failure?

    public var isValid: Bool { failure == nil }
}
