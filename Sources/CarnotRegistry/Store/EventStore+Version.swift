extension EventStore {
    /// The version of the file layout this build reads and writes (`PRAGMA user_version`), for `carnot --version`.
    public static var layoutVersion: Int64 { StoreSchema.version }
}
