/// Why a proof, checkpoint, note or key was refused. Each says what was expected, so an auditor can tell a
/// forged proof from a wrong argument.
public struct ProofError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
