extension Timestamp {
    /// Appends the bytes of `description` to `out`, building no `String`: a listing of tens of thousands of
    /// rows writes a record time on each (`carnot history`).
    public func appendDescription(to out: inout [UInt8]) {
        guard let fields = fixedFields else {
            out.append(contentsOf: description.utf8)
            return
        }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: Self.fixedWidth))
        out.withUnsafeMutableBufferPointer { Self.write(fields, into: $0.baseAddress! + start) }
    }
}
