import Crypto
import Foundation

/// An Ed25519 key in the C2SP signed-note key formats (c2sp.org/signed-note, as golang.org/x/mod/sumdb/note
/// writes them).
///
/// The verifier (public) key is `<name>+<key hash, 8 hex digits>+<base64(0x01 ‖ 32-byte public key)>`; the
/// signer (private) key is `PRIVATE+KEY+<name>+<key hash>+<base64(0x01 ‖ 32-byte seed)>`. The key hash is
/// the first four bytes, big-endian, of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key); 0x01 names Ed25519.
public struct NoteVerifierKey: Equatable, Sendable {
    public let name: String
    public let keyHash: UInt32
    public let publicKey: [UInt8]

    /// The key of `publicKey` (32 bytes) under `name`.
    public init(name: String, publicKey: [UInt8]) throws(ProofError) {
        try Self.checkName(name)
        guard publicKey.count == 32 else { throw ProofError("an Ed25519 public key has 32 bytes, not \(publicKey.count)") }
        self.name = name
        self.publicKey = publicKey
        self.keyHash = Self.keyHash(name: name, publicKey: publicKey)
    }

    /// Reads a verifier key line. The base64 key may itself hold '+': only the first two separate parts.
    /// - Throws: `ProofError` naming the part that is wrong.
    public init(parsing text: String) throws(ProofError) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { throw ProofError("a verifier key is NAME+HASH+KEY (three parts joined by '+'), not \(parts.count) parts") }
        guard let key = Data(base64Encoded: parts[2]).map(Array.init), key.first == 0x01, key.count == 33 else {
            throw ProofError("key: the third part must be base64 of 0x01 followed by a 32-byte Ed25519 public key")
        }
        try self.init(name: parts[0], publicKey: Array(key.dropFirst()))
        guard parts[1].utf8.count == 8, let stated = UInt32(parts[1], radix: 16), stated == keyHash else {
            throw ProofError("key hash: \(parts[1]) is not the hash of this name and key (\(String(format: "%08x", keyHash)))")
        }
    }

    /// The key line.
    public var encoded: String {
        "\(name)+\(String(format: "%08x", keyHash))+\(Data([0x01] + publicKey).base64EncodedString())"
    }

    /// Checks an Ed25519 signature of `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    static func keyHash(name: String, publicKey: [UInt8]) -> UInt32 {
        let digest = Array(SHA256.hash(data: Array(name.utf8) + [0x0A, 0x01] + publicKey))
        return digest[0..<4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// A key name is not empty and holds no '+', whitespace or control character (the note format splits on them).
    static func checkName(_ name: String) throws(ProofError) {
        guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0 == "+" || $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            throw ProofError("key name '\(name)': must be non-empty, without '+', spaces or control characters")
        }
    }
}

/// The private half of a note key: signs checkpoints. Keep its file private (mode 0600) and out of the repository.
public struct NoteSignerKey: Sendable {
    public let verifier: NoteVerifierKey
    let seed: [UInt8]

    /// A new random key pair named `name`.
    public static func generate(name: String) throws(ProofError) -> NoteSignerKey {
        let key = Curve25519.Signing.PrivateKey()
        return try NoteSignerKey(name: name, seed: Array(key.rawRepresentation))
    }

    init(name: String, seed: [UInt8]) throws(ProofError) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw ProofError("an Ed25519 private key seed has 32 bytes, not \(seed.count)")
        }
        self.seed = seed
        self.verifier = try NoteVerifierKey(name: name, publicKey: Array(key.publicKey.rawRepresentation))
    }

    /// Reads a signer key line (`PRIVATE+KEY+NAME+HASH+KEY`).
    public init(parsing text: String) throws(ProofError) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY" else {
            throw ProofError("a signer key is PRIVATE+KEY+NAME+HASH+KEY")
        }
        guard let key = Data(base64Encoded: parts[4]).map(Array.init), key.first == 0x01, key.count == 33 else {
            throw ProofError("key: the last part must be base64 of 0x01 followed by a 32-byte Ed25519 seed")
        }
        try self.init(name: parts[2], seed: Array(key.dropFirst()))
        guard parts[3].utf8.count == 8, UInt32(parts[3], radix: 16) == verifier.keyHash else {
            throw ProofError("key hash: \(parts[3]) is not the hash of this name and key (\(String(format: "%08x", verifier.keyHash)))")
        }
    }

    /// The key line.
    public var encoded: String {
        "PRIVATE+KEY+\(verifier.name)+\(String(format: "%08x", verifier.keyHash))+\(Data([0x01] + seed).base64EncodedString())"
    }

    /// The Ed25519 signature of `message`.
    public func sign(_ message: [UInt8]) throws(ProofError) -> [UInt8] {
        do {
            return Array(try Curve25519.Signing.PrivateKey(rawRepresentation: seed).signature(for: message))
        } catch {
            throw ProofError("cannot sign: \(error)")
        }
    }
}
