import Foundation

/// Where the store gets record time and new event ids: the only clock and randomness in the registry,
/// used at append and never by projections. Tests pass a fixed one.
public protocol RecordingEnvironment: Sendable {
    func now() -> Timestamp
    func newEventID() -> String
}

/// The system clock and random UUIDs.
public struct SystemEnvironment: RecordingEnvironment {
    public init() {}

    public func now() -> Timestamp {
        Timestamp(microseconds: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded(.down)))
    }

    public func newEventID() -> String { UUID().uuidString.lowercased() }
}
