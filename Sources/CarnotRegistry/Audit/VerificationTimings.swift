import Foundation

/// Where the time of one `verify` goes, phase by phase: what `carnot verify --timings` prints, so that an
/// operator (and the README's figures) can tell the chain from the rules replay.
///
/// A class the caller hands in and reads afterwards, so that the report itself stays a plain value.
public final class VerificationTimings: @unchecked Sendable {
    /// The phases in the order `verify` first entered them, with their total seconds.
    public private(set) var phases: [(name: String, seconds: Double)] = []
    private var started: UInt64 = 0

    public init() {}

    /// Adds the time since the last mark to `phase`, and marks now.
    ///
    /// Phases interleave event by event (read, chain, columns, Merkle, rules), so each is the sum of many
    /// short spans between two marks; one clock read per span keeps the measuring itself cheap.
    func lap(_ phase: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { started = now }
        guard started != 0 else { return }
        let seconds = Double(now - started) / 1e9
        if let index = phases.firstIndex(where: { $0.name == phase }) {
            phases[index].seconds += seconds
        } else {
            phases.append((phase, seconds))
        }
    }

    /// Marks now without charging the time before to any phase.
    func start() { started = DispatchTime.now().uptimeNanoseconds }

    /// The total of every phase.
    public var total: Double { phases.reduce(0) { $0 + $1.seconds } }
}
