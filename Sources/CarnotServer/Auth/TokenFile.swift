import Crypto
import Foundation

/// The server's tokens: a JSON file, mode 0600, holding each token's name, role and SHA-256 digest.
///
/// The token itself is printed once by `add` and never stored, so a copy of the file lets no one write.
/// The server reads the file on every authenticated request, so a revocation takes effect at once.
///
/// ```swift
/// let token = try TokenFile(path: ".carnot/tokens.json").add(name: "alice", role: .recorder)
/// ```
public struct TokenFile: Sendable {
    public struct Entry: Equatable, Sendable {
        public let name: String
        public let role: Role
        /// Hex SHA-256 of the token.
        public let digest: String
        public let created: String
    }

    public let path: String

    public init(path: String) { self.path = path }

    /// Names are what `recordedBy` says: a short plain word.
    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
    }

    /// Every token, or none when the file does not exist.
    public func entries() throws(TokenFileError) -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw TokenFileError(message: "\(path): cannot read the token file") }
            return []
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = object["tokens"] as? [[String: Any]] else {
            throw TokenFileError(message: "\(path): not a carnot token file ({\"tokens\": [...]}); fix or remove it")
        }
        return try list.map { item throws(TokenFileError) in
            guard let name = item["name"] as? String, let role = (item["role"] as? String).flatMap(Role.init(rawValue:)),
                  let digest = item["sha256"] as? String else {
                throw TokenFileError(message: "\(path): an entry lacks name, role (recorder or auditor) or sha256")
            }
            return Entry(name: name, role: role, digest: digest, created: item["created"] as? String ?? "")
        }
    }

    /// The principal whose token this is, if any.
    public func principal(for token: String) throws(TokenFileError) -> Principal? {
        let digest = Self.digest(token)
        return try entries().first { $0.digest == digest }.map { Principal(name: $0.name, role: $0.role) }
    }

    /// Adds a token named `name`, returning the token (shown once, never stored).
    /// - Throws: when the name is taken or not a plain word, or the file cannot be written.
    public func add(name: String, role: Role) throws(TokenFileError) -> String {
        guard Self.isValidName(name) else {
            throw TokenFileError(message: "NAME \(name): 1-64 letters, digits, '-', '_' or '.' (it becomes recordedBy)")
        }
        var list = try entries()
        guard !list.contains(where: { $0.name == name }) else {
            throw TokenFileError(message: "NAME \(name): a token of that name exists; revoke it first (`carnot token revoke \(name)`)")
        }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let token = "carnot_" + bytes.map { String(format: "%02x", $0) }.joined()
        let created = ISO8601DateFormatter().string(from: Date())
        list.append(Entry(name: name, role: role, digest: Self.digest(token), created: created))
        try write(list)
        return token
    }

    /// Removes the token named `name`.
    public func revoke(name: String) throws(TokenFileError) {
        var list = try entries()
        guard list.contains(where: { $0.name == name }) else {
            throw TokenFileError(message: "NAME \(name): no token of that name in \(path)")
        }
        list.removeAll { $0.name == name }
        try write(list)
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Writes the file whole: a private temporary file (0600), then a rename over the old one.
    private func write(_ list: [Entry]) throws(TokenFileError) {
        let object: [String: Any] = ["tokens": list.map {
            ["name": $0.name, "role": $0.role.rawValue, "sha256": $0.digest, "created": $0.created]
        }]
        do {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            let staging = "\(path).writing-\(getpid())"
            guard FileManager.default.createFile(atPath: staging, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw TokenFileError(message: "\(path): cannot write the token file (is its folder writable?)")
            }
            guard rename(staging, path) == 0 else {
                throw TokenFileError(message: "\(path): cannot replace the token file: \(String(cString: strerror(errno)))")
            }
        } catch let error as TokenFileError {
            throw error
        } catch {
            throw TokenFileError(message: "\(path): cannot write the token file: \(error)")
        }
    }
}
