import ArgumentParser
import CarnotRegistry

/// A failed command: prints its message on stderr and exits with the documented code.
///
/// 64 usage or validation error; 65 conflict; 66 integrity failure; 1 other.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let code: Int32

    init(message: String, code: Int32) {
        self.message = message
        self.code = code
    }

    init(_ error: StoreError) {
        let code: Int32 = switch error {
        case .invalid, .malformed, .badQuery, .readOnly: 64
        case .conflict, .idempotencyMismatch: 65
        case .integrity, .missing: 66
        case .badLine(let line): line.kind == .integrity ? 66 : 64
        case .database, .unusableFile: 1
        }
        self.init(message: error.description, code: code)
    }

    var description: String { message }

    /// Runs a store operation, turning its error into a `CommandFailure`.
    static func guarding<T>(_ body: () throws(StoreError) -> T) throws -> T {
        do { return try body() } catch { throw CommandFailure(error) }
    }

    /// Checks free-text option values with the same rules as decision files.
    static func checkText(_ fields: [String: JSONValue]) throws {
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard case .string(let text) = value else { continue }
            if text.allSatisfy(\.isWhitespace) {
                throw CommandFailure(message: "--\(name.kebab): must not be empty", code: 64)
            }
            if text.count > 2_000 {
                throw CommandFailure(message: "--\(name.kebab): must be at most 2000 characters", code: 64)
            }
            if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                throw CommandFailure(message: "--\(name.kebab): must not contain control characters", code: 64)
            }
        }
    }
}

private extension String {
    var kebab: String {
        String(flatMap { $0.isUppercase ? ["-", Character($0.lowercased())] : [$0] })
    }
}
