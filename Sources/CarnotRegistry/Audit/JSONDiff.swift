/// The differences between two JSON documents, each named by a readable path.
///
/// Arrays of objects that carry an `id` are matched by id, so a difference reads
/// `institutes[tsn].label.until` rather than `institutes[14].label.until`, and an institute missing from one
/// side is reported once, not as a shift of every later element.
public enum JSONDiff {
    public struct Difference: Equatable, Sendable, CustomStringConvertible {
        public let path: String
        /// The value in the expected document, nil when absent there.
        public let expected: JSONValue?
        /// The value in the document found, nil when absent there.
        public let found: JSONValue?

        public var description: String {
            "\(path): expected \(expected.map(CanonicalJSON.string) ?? "(absent)"), found \(found.map(CanonicalJSON.string) ?? "(absent)")"
        }
    }

    public static func differences(expected: JSONValue, found: JSONValue, path: String = "") -> [Difference] {
        switch (expected, found) {
        case (.object(let left), .object(let right)):
            return Set(left.keys).union(right.keys).sorted().flatMap { key in
                compare(left[key], right[key], path: path.isEmpty ? key : "\(path).\(key)")
            }
        case (.array(let left), .array(let right)):
            if let leftByID = keyed(left), let rightByID = keyed(right) {
                return Set(leftByID.keys).union(rightByID.keys).sorted().flatMap { id in
                    compare(leftByID[id], rightByID[id], path: "\(path)[\(id)]")
                }
            }
            return (0..<max(left.count, right.count)).flatMap { index in
                compare(index < left.count ? left[index] : nil, index < right.count ? right[index] : nil, path: "\(path)[\(index)]")
            }
        default:
            return expected == found ? [] : [Difference(path: path, expected: expected, found: found)]
        }
    }

    private static func compare(_ left: JSONValue?, _ right: JSONValue?, path: String) -> [Difference] {
        switch (left, right) {
        case (let left?, let right?): differences(expected: left, found: right, path: path)
        case (nil, nil): []
        default: [Difference(path: path, expected: left, found: right)]
        }
    }

    private static func keyed(_ elements: [JSONValue]) -> [String: JSONValue]? {
        var result: [String: JSONValue] = [:]
        for element in elements {
            guard case .string(let id)? = element["id"], result.updateValue(element, forKey: id) == nil else { return nil }
        }
        return result
    }
}
