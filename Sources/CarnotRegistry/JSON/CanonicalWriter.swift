/// Writes canonical JSON (the form `CanonicalJSON` defines) straight to bytes, for writers that know their
/// member names in advance.
///
/// `CanonicalJSON.bytes` sorts the keys of a `JSONValue` tree, which costs a dictionary per object and a
/// string per value; every event appended is written this way, so the event writers (`EventSchema.bodyBytes`)
/// name their members here directly, in ascending byte order, and write days and numbers as digits. The
/// caller owns the order: a member written out of order would give bytes that are not canonical, which the
/// tests rule out by comparing every event type with `CanonicalJSON.bytes` of the same event.
///
/// ```swift
/// var writer = CanonicalWriter()
/// writer.beginObject()
/// writer.key("name"); writer.string("Carnot TSN")
/// writer.key("seq"); writer.integer(1)
/// writer.endObject()   // writer.bytes == Array(#"{"name":"Carnot TSN","seq":1}"#.utf8)
/// ```
struct CanonicalWriter {
    private(set) var bytes: [UInt8] = []
    /// True after a value: the next member or element is preceded by a comma.
    private var afterValue = false

    init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the member `name`, which must need no escaping and sort after the previous member's name.
    mutating func key(_ name: StaticString) {
        if afterValue { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        afterValue = false
    }

    mutating func string(_ text: String) {
        separate()
        CanonicalJSON.writeString(text, to: &bytes)
        afterValue = true
    }

    /// A string known to need no escaping (identifiers, vocabulary words).
    mutating func plain(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\""))
        afterValue = true
    }

    mutating func integer(_ number: Int64) {
        separate()
        if number < 0 {
            // Negative numbers never occur in an event (positions and counts): the slow way is enough.
            bytes.append(contentsOf: String(number).utf8)
        } else {
            let value = UInt64(number)
            var divisor: UInt64 = 1
            while value / divisor >= 10 { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        afterValue = true
    }

    mutating func bool(_ flag: Bool) {
        separate()
        bytes.append(contentsOf: flag ? Array("true".utf8) : Array("false".utf8))
        afterValue = true
    }

    /// A day as `"YYYY-MM-DD"`, as `Day.description` writes it.
    mutating func day(_ day: Day) {
        separate()
        let (year, month, dayOfMonth) = day.components
        guard (0...9999).contains(year) else { return string(day.description) }
        bytes.append(UInt8(ascii: "\""))
        date(year, month, dayOfMonth)
        bytes.append(UInt8(ascii: "\""))
        afterValue = true
    }

    /// An instant as `"YYYY-MM-DDTHH:MM:SS.ffffffZ"`, as `Timestamp.description` writes it.
    mutating func timestamp(_ instant: Timestamp) {
        separate()
        let day = instant.day
        let (year, month, dayOfMonth) = day.components
        guard (0...9999).contains(year) else { return string(instant.description) }
        let inDay = instant.microseconds - Int64(day.ordinal) * 86_400_000_000
        let seconds = Int(inDay / 1_000_000)
        bytes.append(UInt8(ascii: "\""))
        date(year, month, dayOfMonth)
        bytes.append(UInt8(ascii: "T"))
        digits(seconds / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(seconds / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(seconds % 60, 2)
        bytes.append(UInt8(ascii: "."))
        digits(Int(inDay % 1_000_000), 6)
        bytes.append(contentsOf: [UInt8(ascii: "Z"), UInt8(ascii: "\"")])
        afterValue = true
    }

    /// An array of strings.
    mutating func strings(_ texts: [String]) {
        beginArray()
        for text in texts { string(text) }
        endArray()
    }

    /// Any value, through `CanonicalJSON` (for the rare member this writer has no shortcut for).
    mutating func value(_ value: JSONValue) {
        separate()
        CanonicalJSON.write(value, to: &bytes)
        afterValue = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        afterValue = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        afterValue = true
    }

    /// Inside an array, values follow each other with a comma; after a key, `afterValue` is false.
    private mutating func separate() {
        if afterValue { bytes.append(UInt8(ascii: ",")) }
        afterValue = false
    }

    /// `YYYY-MM-DD`, without quotes.
    private mutating func date(_ year: Int, _ month: Int, _ day: Int) {
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
    }

    /// `number` (0 ... 10^width - 1) in exactly `width` decimal digits.
    private mutating func digits(_ number: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
