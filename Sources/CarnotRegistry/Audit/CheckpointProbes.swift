import Crypto

/// The states `verify` compares the verified store's checkpoints with, read from its replay store while the
/// replay's import passes each checkpoint's position, and the last position it is used for (before its stale
/// mark): at that moment the replay's own checkpoints hold for that cut-off, so each read is a short fold.
///
/// Read after the import instead, a cut-off before a back-dated decision could only fold from a replay
/// checkpoint before the decision's day (those after it were written again at the head): on a 100k store with
/// four back-dated renames, `verify` took 17-18 s of CPU instead of 7 s, and on the 1M store more than 9 minutes.
///
/// Only a digest of each state is kept (SHA-256 of its `StateCodec` encoding), so memory holds no states.
/// Cut-offs at the head are left to the caller: after the import the replay holds them all.
struct CheckpointProbes {
    struct Key: Hashable {
        let day: Day
        let upto: Int64
    }

    /// The days to read at each position before the head.
    private let plan: [Int64: [Day]]
    private var digests: [Key: [UInt8]] = [:]

    /// No probes: every state is read after the import.
    init() { plan = [:] }

    /// The probes for the checkpoint rows (`day`, `position`, `staleFrom`) of a log whose head is `head`.
    init(rows: [(day: Day, position: Int64, staleFrom: Int64?)], head: Int64) {
        var plan: [Int64: Set<Day>] = [:]
        for row in rows {
            let lastUse = min(row.staleFrom.map { $0 - 1 } ?? head, head)
            for upto in Set([row.position, lastUse]) where upto >= 1 && upto < head && upto >= row.position {
                plan[upto, default: []].insert(row.day)
            }
        }
        self.plan = plan.mapValues { $0.sorted() }
    }

    var isEmpty: Bool { plan.isEmpty }

    /// Reads the states planned at `seq` from `store`, whose last event is at `seq` (inside its import).
    mutating func read(at seq: Int64, from store: EventStore) throws {
        guard let days = plan[seq] else { return }
        try store.settleLiveState()
        let live = try store.liveState()
        for day in days {
            digests[Key(day: day, upto: seq)] = Self.digest(StateCodec.encode(try store.state(at: day, upto: seq, live: live)))
        }
    }

    /// Whether `state` (an encoded state) is the one read on `day` as known at `upto`; nil when not read.
    func matches(_ state: [UInt8], day: Day, upto: Int64) -> Bool? {
        digests[Key(day: day, upto: upto)].map { $0 == Self.digest(state) }
    }

    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }
}
