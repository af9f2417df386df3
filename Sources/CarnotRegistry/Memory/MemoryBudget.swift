import CCarnotMemory

/// The memory a process may use under `ulimit -v` (RLIMIT_AS) or `ulimit -d` (RLIMIT_DATA), and how it is
/// shared between SQLite and the rest of the process.
///
/// The limit counts address space, not resident memory: the libraries (Foundation's ICU data alone is
/// 40 MB), thread stacks and malloc's arenas are mapped before a command reads a byte, so a command that
/// stays under 80 MB resident may need 130 MB of address space (README, "Running out of memory").
///
/// ```swift
/// if let budget = MemoryBudget.current() { budget.limitSQLite() }
/// ```
public struct MemoryBudget: Sendable, Equatable {
    /// The limit, in bytes.
    public let limit: UInt64
    /// What the limit counted when the budget was taken.
    public let inUse: UInt64

    /// Below this much room left under the limit, no command can do its work (measured, release build:
    /// `carnot head` and `carnot state` on the bundled history map 1-2 MB beyond the loaded program).
    public static let minimumRoom: UInt64 = 4 << 20

    /// The budget under the limit in force now; nil when no limit is set.
    public static func current() -> MemoryBudget? {
        let limit = carnot_memory_limit()
        guard limit > 0 else { return nil }
        return MemoryBudget(limit: limit, inUse: carnot_memory_in_use())
    }

    public init(limit: UInt64, inUse: UInt64) {
        self.limit = limit
        self.inUse = inUse
    }

    /// The limit in KiB, as `ulimit` takes it.
    public var limitKiB: UInt64 { limit / 1_024 }

    /// What is left under the limit.
    public var room: UInt64 { limit > inUse ? limit - inUse : 0 }

    /// True when the room left is too small for any command.
    public var isTooSmall: Bool { room < Self.minimumRoom }

    /// The smallest limit with which a command can run, in KiB as `ulimit -v` takes it.
    public var minimumLimitKiB: UInt64 { (inUse + Self.minimumRoom + 1_023) / 1_024 }

    /// SQLite's hard heap limit: 60% of the room; the rest is for the program's own buffers and
    /// decoded events, whose allocation failures cannot be turned into an error that unwinds.
    public var sqliteHardLimit: UInt64 { room / 10 * 6 }

    /// SQLite's soft heap limit: 40% of the room, past which its page cache recycles pages instead of
    /// growing (slower, not wrong), so that the hard limit is met only by what SQLite cannot do without.
    public var sqliteSoftLimit: UInt64 { room / 10 * 4 }

    /// Caps SQLite's heap within this budget.
    public func limitSQLite() {
        SQLiteHeap.limit(soft: Int64(sqliteSoftLimit), hard: Int64(sqliteHardLimit))
    }

    /// The `ulimit` option that sets the limit: "-v" (address space) or "-d" (data segment).
    public var option: String { carnot_memory_limit_option() == CChar(UInt8(ascii: "d")) ? "-d" : "-v" }

    /// The limit in whole megabytes, for messages.
    public var limitMB: UInt64 { limit >> 20 }
}
