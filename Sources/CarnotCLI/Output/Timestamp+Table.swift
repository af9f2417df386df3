import CarnotRegistry

extension Timestamp {
    /// `YYYY-MM-DDTHH:MM:SS`: record time as a table shows it, without the microseconds.
    var toTheSecond: String { String(description.prefix(19)) }
}
