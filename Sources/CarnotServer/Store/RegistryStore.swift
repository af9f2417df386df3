import Foundation
import CarnotRegistry

/// The one `EventStore` of a server, behind an actor.
///
/// `EventStore` is a synchronous class over one SQLite connection and is not `Sendable`: every request goes
/// through this actor, one at a time. A read therefore never runs beside an append and sees whole decisions
/// only; an append is one transaction, durable when `append` returns (the store's WAL with synchronous=FULL).
/// Appends made by other processes on the same file are picked up by the store itself (it re-reads the head).
public actor RegistryStore {
    private let store: EventStore
    /// Told of every append made through this server, for the live feed.
    public let feed = LogFeed()

    /// Opens the store at `path`: to write (created when missing), or with `.readOnly` for a server that
    /// only answers reads, whose every write is refused (403, "read-only").
    public init(path: String, access: StoreAccess = .write) throws(StoreError) {
        store = try EventStore(path: path, access: access)
    }

    /// Runs a read against the store.
    public func read<T: Sendable>(_ body: @Sendable (EventStore) throws -> T) throws -> T {
        try body(store)
    }

    /// Appends a decision and tells the live feed.
    public func append(_ drafts: [EventDraft], expectedHead: Int64?, idempotencyKey: String?) throws(StoreError) -> AppendResult {
        let result = try store.append(drafts, expectedHead: expectedHead, idempotencyKey: idempotencyKey)
        if !result.replayed { feed.publish(result.head.seq) }
        return result
    }
}
