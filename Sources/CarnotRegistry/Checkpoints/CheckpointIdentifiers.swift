/// The identifier table of one checkpoint: every distinct `EntityID` of a state in ascending order, and each
/// one's position in it.
///
/// The encoder looks an identifier up for every reference it writes, tens of thousands per state at a million
/// events, and writes checkpoints on the write path (the front after a back-dated decision, the stale days at
/// each interval). With `Set` and `Dictionary`, SipHash and its per-lookup seeding were about 40 % of the
/// encoding and the sort of every reference another 20 %. This is an open-addressing table over the
/// identifiers' UTF-8 bytes with an FNV-1a hash, and only the distinct identifiers are sorted. The hash is
/// not seeded: the keys come from a state the store accepted, and a collision costs time, never a wrong byte.
struct CheckpointIdentifiers {
    /// The distinct identifiers, in the order first inserted, then (after `seal()`) ascending.
    private(set) var ascending: [EntityID] = []
    /// Per slot: 0 when empty, else the entry's index in `ascending` plus one.
    private var slots: [Int32]
    private var mask: Int
    private var sealed = false

    /// A table sized for about `expected` distinct identifiers (it grows past them).
    init(expected: Int) {
        var capacity = 64
        while capacity < expected * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        ascending.reserveCapacity(expected)
    }

    /// Adds `id` if it is not in the table yet.
    mutating func insert(_ id: EntityID) {
        precondition(!sealed, "identifiers inserted after the table was sorted")
        var slot = Self.hash(id) & mask
        while slots[slot] != 0 {
            if ascending[Int(slots[slot]) - 1] == id { return }
            slot = (slot + 1) & mask
        }
        ascending.append(id)
        slots[slot] = Int32(ascending.count)
        if ascending.count * 2 > slots.count { grow() }
    }

    mutating func insert<S: Sequence<EntityID>>(contentsOf ids: S) {
        for id in ids { insert(id) }
    }

    /// Sorts the identifiers and points each slot at its identifier's sorted position.
    mutating func seal() {
        sealed = true
        ascending.sort()
        rebuild(capacity: slots.count)
    }

    /// The position of `id` in the ascending table; `id` must have been inserted before `seal()`.
    func position(of id: EntityID) -> Int {
        var slot = Self.hash(id) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            precondition(entry >= 0, "identifier \(id) missing from the checkpoint's table")
            if ascending[entry] == id { return entry }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() { rebuild(capacity: slots.count * 2) }

    private mutating func rebuild(capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for (index, id) in ascending.enumerated() {
            var slot = Self.hash(id) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// FNV-1a over the UTF-8 bytes, its high half folded into the low bits that the mask keeps.
    @inline(__always)
    private static func hash(_ id: EntityID) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var text = id.rawValue
        text.withUTF8 { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
