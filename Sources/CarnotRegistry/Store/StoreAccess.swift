/// How a command uses a store file: the least it needs, so that reading never writes.
public enum StoreAccess: Sendable {
    /// Reads an existing store: nothing is written, not even a layout upgrade, and no lock is taken, so a
    /// reader never waits for a writer. A missing file is an error, never a new empty store.
    case read
    /// Reads with SQLite's read-only flag: SQLite itself refuses every write (for auditors).
    case readOnly
    /// Reads and appends: creates the file when it is missing and upgrades an older layout.
    case write
}
