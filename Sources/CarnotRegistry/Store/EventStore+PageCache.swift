extension EventStore {
    /// The page cache a process that reads each page once should use, in KiB: room for the inner pages of
    /// the B-trees a lookup descends, not for the leaves it visits once.
    public static let onePassPageCacheKilobytes = 1_024

    /// The page cache of a process that looks rows up by key in ascending order, reading each leaf once
    /// (`carnot history`), in KiB: 16 pages, the inner pages the next lookup descends again. With 1 MB the
    /// leaves read pushed them through a larger cache for nothing: `carnot history cons-001` at 1M took about
    /// 2 ms more CPU (78.2 against 76.2 ms, medians of 11 interleaved runs), and SQLite alone, looking up its
    /// 20,680 events, 36.0 against 34.2 ms, with as many reads from the file.
    public static let ascendingLookupPageCacheKilobytes = 64

    /// Sets SQLite's page cache of this store's connection to `kilobytes` (it is `pageCacheKilobytes` when
    /// opened). Pages beyond the new size are dropped.
    ///
    /// A large cache pays for folds, which read the same pages again and again. A process that reads each
    /// page once pays for it instead: every page read is copied into freshly allocated memory, which the
    /// kernel must map and zero first. The events of `carnot history inst-0001` (11,799 of the 1M-event
    /// synthetic log) lie on about as many pages of 4 KiB: their lookup alone, in the `sqlite3` shell, took
    /// 56-80 ms of CPU and 8,700 page faults with the 32 MB cache, 27-39 ms and 220-330 faults with 0.1 to
    /// 0.5 MB; the whole command went from 13,300 page faults and 73 MB to 5,400 and 42 MB.
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
