import CCarnotSQLite
import Foundation

/// Copies a store's write-ahead log back into its file on a thread of its own, instead of inside the commit
/// that fills it.
///
/// SQLite's default checkpoints the log from the commit that brings it to 1,000 pages: that commit then
/// writes every page of the log into the file and syncs it, on the writer's thread. At 1M events that was
/// 28 % of the samples of `EventStore.append` in decisions of 100 (`perf record` of `carnot-bench appends`).
/// Here the commit only signals this thread, which runs a passive checkpoint on a connection of its own while
/// the writer goes on: in WAL mode a checkpoint and a writer proceed together, and a passive checkpoint never
/// waits for a lock. The work is the same, on the other core; commits are as durable as before (each syncs the
/// log), and a checkpoint cut short by a crash is finished by the next one.
///
/// The log stays bounded. The writer starts it again from its beginning only when, as a write begins, every
/// frame is in the file: between decisions made back to back the thread's pass, overtaken by the commits made
/// while it ran, never is. So at `synchronousFrames` (16 MB) the committing connection checkpoints itself, as
/// SQLite's default would at 1,000, but only what the thread has not copied yet, and the log starts again.
/// `carnot-bench appends` at 1M, interleaved runs on a loaded machine: decisions of 100 2.7-3.9 s before,
/// 1.6-2.6 s with 4,000 (2.1-2.5 s with 8,000, 1.6-3.0 s with 2,000).
final class WALCheckpointer: @unchecked Sendable {
    /// The log's size, in pages, at which a checkpoint is asked for: SQLite's own default.
    static let thresholdFrames: Int32 = 1_000
    /// The log's size at which the committing connection checkpoints itself.
    static let synchronousFrames: Int32 = 4_000

    private let path: String
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var wanted = false
    private var stopping = false
    private var running = false

    /// Takes over the checkpoints of `connection`, a writer of the WAL file at `path`. Replaces SQLite's
    /// automatic checkpoint on that connection (both are a `sqlite3_wal_hook`). The thread starts at the
    /// first checkpoint asked for: a process that writes little never starts it.
    init(path: String, connection: SQLiteConnection) {
        self.path = path
        sqlite3_wal_hook(connection.handle, { context, database, name, frames in
            guard let context else { return SQLITE_OK }
            let checkpointer = Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue()
            if frames >= WALCheckpointer.synchronousFrames {
                // As SQLite's default hook does: the commit has succeeded whatever the checkpoint returns.
                sqlite3_wal_checkpoint_v2(database, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            } else if frames >= WALCheckpointer.thresholdFrames {
                checkpointer.ask()
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Ends the thread, after the checkpoint it is running. Must be called before the connection whose
    /// hook points at this object closes.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func ask() {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return }
        wanted = true
        if !running {
            running = true
            let thread = Thread { [self] in checkpointUntilStopped() }
            thread.name = "carnot WAL checkpoint"
            thread.start()
        } else {
            condition.broadcast()
        }
    }

    private func checkpointUntilStopped() {
        // Its own connection: a connection is used from one thread at a time.
        var connection = try? SQLiteConnection(path: path, mode: .readWrite)
        // The same syncs as the writer's: the log before it is copied, the file after.
        try? connection?.execute("PRAGMA synchronous = FULL")
        condition.lock()
        while !stopping {
            guard wanted else {
                condition.wait()
                continue
            }
            wanted = false
            condition.unlock()
            if let connection {
                // SQLITE_BUSY when another process checkpoints: that one does the work.
                sqlite3_wal_checkpoint_v2(connection.handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
            condition.lock()
        }
        condition.unlock()
        // Closed before `stop` returns, so that the writer's connection, closing after, is the last one.
        connection = nil
        condition.lock()
        running = false
        condition.broadcast()
        condition.unlock()
    }

}
