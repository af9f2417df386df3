import ArgumentParser
import CarnotRegistry
import Foundation

/// Running out of memory as a clear error: exit 1 with a message that names the limit, says what was left
/// written, and how to fix it; never an abort.
enum MemoryShortage {
    /// What stays written when a command stops for memory, true of every command: the store changes by
    /// whole transactions (an import is one, so a stopped import leaves the store as it was), and an `--out`
    /// file or folder is put in place only once complete.
    static let nothingHalfWritten = "nothing was half-written: a change to the store is one SQLite transaction, rolled back when it stops (an import is one transaction: a stopped import leaves the store as it was), and an --out file or folder is put in place only when complete"

    /// Prepares the process for its memory limit, if one is set: refuses at once (exit 1) a limit too small
    /// to run any command, and caps SQLite's heap within it.
    static func prepare() {
        guard let budget = MemoryBudget.current() else { return }
        if budget.isTooSmall {
            Console.error("error: memory limit: `ulimit \(budget.option)` is \(budget.limitKiB) KB (\(budget.limitMB) MB) and carnot needs at least \(budget.minimumLimitKiB) KB (\((budget.minimumLimitKiB + 1_023) / 1_024) MB) of it: \((budget.inUse + (1 << 20) - 1) >> 20) MB to load the program and \(MemoryBudget.minimumRoom >> 20) MB to work. Raise the limit (`ulimit \(budget.option) \(budget.limitKiB * 2)`) or lift it (`ulimit \(budget.option) unlimited`); nothing was read or written")
            Foundation.exit(1)
        }
        budget.limitSQLite()
    }

    /// Installs the guard against aborts for `command`, under a memory limit. Not for `serve`: its threads
    /// each map a stack and a malloc arena (64 MB of address space apiece, mostly never touched), so "little
    /// left under the limit" says nothing there about why it crashed.
    static func guardAgainstAborts(_ command: ParsableCommand) {
        guard let budget = MemoryBudget.current(), !(command is ServeCommand) else { return }
        MemoryGuard.install(message: "error: out of memory: carnot could not allocate memory under the limit `ulimit \(budget.option) \(budget.limitKiB)`",
                            advice: " and stopped; \(nothingHalfWritten). Raise the limit (`ulimit \(budget.option) \(budget.limitKiB * 2)`) or lift it (`ulimit \(budget.option) unlimited`) and retry; should that not help, run it without a limit for a crash report")
    }

    /// The message for a command that failed after SQLite ran out of memory, whatever words the failure
    /// itself used (a replay that "does not replay", an audit verdict): nil when memory did not run out.
    static func message(for failure: String) -> String? {
        guard MemoryGuard.shortageNoted else { return nil }
        let limit = MemoryBudget.current().map { budget in
            "under the limit `ulimit \(budget.option) \(budget.limitKiB)` (\(budget.limitMB) MB; SQLite may use \(SQLiteHeap.hardLimit >> 20) MB of it). Raise the limit (`ulimit \(budget.option) \(budget.limitKiB * 2)`) or lift it (`ulimit \(budget.option) unlimited`) and retry"
        } ?? "(no memory limit is set: the machine itself is short of memory). Free some memory and retry"
        return "out of memory: SQLite could not allocate memory \(limit); \(nothingHalfWritten). (What failed: \(failure))"
    }
}
