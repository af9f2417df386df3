extension Day {
    /// Appends the bytes of `formatted(precision)` to `out`, building no `String` (see
    /// `Timestamp.appendDescription(to:)`).
    public func appendFormatted(_ precision: DatePrecision, to out: inout [UInt8]) {
        let (year, month, day) = components
        // `pad` writes a number of at most `width` digits in exactly `width`: the years 0 to 9999 take 4.
        guard (0...9999).contains(year) else {
            out.append(contentsOf: formatted(precision).utf8)
            return
        }
        func digits(_ number: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        guard precision != .year else { return }
        out.append(UInt8(ascii: "-"))
        digits(month, 2)
        guard precision == .day else { return }
        out.append(UInt8(ascii: "-"))
        digits(day, 2)
    }
}
