extension Dictionary {
    /// Changes the value stored for `key` where it lies, when there is one; nothing when there is none.
    ///
    /// `dictionary[key]?.field = value` does the same through the optional subscript, which moves the
    /// value out into an optional and back in on every call; this one reaches it through `values`, in place.
    @inline(__always)
    mutating func update(_ key: Key, _ change: (inout Value) -> Void) {
        guard let index = index(forKey: key) else { return }
        change(&values[index])
    }
}
