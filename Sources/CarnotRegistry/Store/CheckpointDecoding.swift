import Dispatch
import Foundation

/// A checkpoint's state being decoded on another thread while the fold that starts from it reads, from
/// SQLite, the facts after it: `state(at:)` spends about a quarter of its time decoding the checkpoint and
/// most of the rest reading and decoding facts, and the two need not wait for each other. The facts are
/// applied once the state is there (`EventStore.fold`, parameter `decoding`).
///
/// Only the decode runs on the other thread; SQLite stays on the caller's. Whoever comes first decodes:
/// when the caller needs the state before a worker thread has started on it (a busy machine, where the
/// worker waits for a core), the caller decodes it itself, so that a query never waits on a thread that
/// has not run. The worker writes `outcome` before it signals `done`, and the caller reads it only after
/// waiting on `done`; `claim` is read and written under `lock`: hence `@unchecked Sendable`.
final class CheckpointDecoding: @unchecked Sendable {
    /// The checkpoint's day: the fold applies the facts after it.
    let day: Day
    private let bytes: [UInt8]
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    /// Who decodes: nobody yet, the worker, or the caller.
    private var claim = Claim.open
    private var outcome: RegistryState?

    private enum Claim { case open, worker, caller }

    /// Starts decoding `bytes` (a checkpoint whose seals were checked) on a global queue.
    init(day: Day, bytes: [UInt8]) {
        self.day = day
        self.bytes = bytes
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            guard claimed(by: .worker) else { return }
            outcome = try? StateCodec.decode(bytes)
            done.signal()
        }
    }

    /// The decoded state, the only copy (see `EventStore.fold`); nil when the bytes do not decode (the
    /// caller then reads the checkpoints the sequential way, which reports it). Called once.
    func take() -> RegistryState? {
        if claimed(by: .caller) { return try? StateCodec.decode(bytes) }
        done.wait()
        return outcome.take()
    }

    private func claimed(by claimant: Claim) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard claim == .open else { return false }
        claim = claimant
        return true
    }

    /// The checkpoint's bytes did not decode: what `fold` throws so that `state(at:)` starts again without it.
    struct Undecodable: Error {}
}
