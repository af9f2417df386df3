import Foundation
import CarnotRegistry

/// A record-time cut-off resolved against the log: the position answers are computed at, and whether the
/// answer can never change (an explicit position, which an append-only log keeps as it is).
struct Cut: Sendable {
    let head: LogHead
    let isFixed: Bool

    /// Resolves `knownAt` in `store`; a position past the head is refused, as it names events not yet written.
    static func resolve(_ knownAt: KnownAt, in store: EventStore) throws -> Cut {
        let current = try store.head()
        let upto = try store.position(knownAt)
        if case .position(let seq) = knownAt, seq > current.seq {
            throw Problem.badParameter("upto", String(seq), rule: "at most the head position \(current.seq)")
        }
        if upto == current.seq { return Cut(head: current, isFixed: knownAt.isPosition) }
        let hash = try store.events(from: max(1, upto), through: upto).last?.hash ?? EventSchema.genesisHash
        return Cut(head: LogHead(seq: upto, hash: hash), isFixed: knownAt.isPosition)
    }
}

extension KnownAt {
    var isPosition: Bool { if case .position = self { true } else { false } }
}
