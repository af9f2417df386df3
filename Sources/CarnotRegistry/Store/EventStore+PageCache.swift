extension EventStore {
    /// The page cache a process that reads each page once should use, in KiB: room for the inner pages of
    /// the B-trees a lookup descends, not for the leaves it visits once.
    public static let onePassPageCacheKilobytes = 1_024

    /// Sets SQLite's page cache of this store's connection to `kilobytes` (it is `pageCacheKilobytes` when
    /// opened). Pages beyond the new size are dropped.
    ///
    /// A large cache pays for folds, which read the same pages again and again. A process that reads each
    /// page once pays for it instead: every page read is copied into freshly allocated memory, which the
    /// kernel must map and zero first. `carnot history` of the 11,799 events of one institute in the
    /// 1M-event log reads about as many pages of 4 KiB; with the 32 MB cache that took 8,700 page faults
    /// and 56-80 ms of CPU in SQLite alone, with 1 MB about 330 faults and 27-39 ms (the README's
    /// Performance section has the whole command's figures).
    ///
    /// ```swift
    /// let store = try EventStore(path: path, access: .read)
    /// try store.setPageCache(kilobytes: EventStore.onePassPageCacheKilobytes)
    /// ```
    /// - Throws: `StoreError.database` when SQLite refuses the setting.
    public func setPageCache(kilobytes: Int) throws(StoreError) {
        try guarded { try connection.execute("PRAGMA cache_size = -\(max(1, kilobytes))") }
    }
}
