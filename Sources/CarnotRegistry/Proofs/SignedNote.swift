import Foundation

/// A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, then one line per
/// signature, `— <key name> <base64(4-byte key hash ‖ Ed25519 signature of the text)>`.
public enum SignedNote {
    /// The em dash and space that open a signature line.
    static let signaturePrefix = "\u{2014} "

    /// Signs `text` (which must end with a newline) with `key`: the note with its signature line.
    public static func sign(_ text: String, with key: NoteSignerKey) throws(ProofError) -> String {
        try checkText(text)
        let signature = try key.sign(Array(text.utf8))
        let hash = withUnsafeBytes(of: key.verifier.keyHash.bigEndian) { Array($0) }
        return text + "\n" + signaturePrefix + key.verifier.name + " " + Data(hash + signature).base64EncodedString() + "\n"
    }

    /// The text of `note` once a signature by `key` verifies on it. Signatures by other keys are ignored,
    /// as the format asks.
    /// - Throws: `ProofError` when the note is malformed, carries no signature by `key`, or that signature
    ///   does not verify (the text was edited, or another key of the same name signed it).
    public static func open(_ note: String, verifier key: NoteVerifierKey) throws(ProofError) -> String {
        guard let split = note.range(of: "\n\n" + signaturePrefix, options: .backwards) else {
            throw ProofError("not a signed note: no blank line followed by signature lines")
        }
        let text = String(note[..<note.index(after: split.lowerBound)])
        try checkText(text)
        let signatureBlock = note[note.index(split.lowerBound, offsetBy: 2)...]
        guard signatureBlock.hasSuffix("\n") else { throw ProofError("the note's last signature line does not end with a newline") }
        var found = false
        for line in signatureBlock.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix(signaturePrefix) else { throw ProofError("the line '\(line)' after the note's text is not a signature line") }
            let fields = line.dropFirst(signaturePrefix.count).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, let bytes = Data(base64Encoded: String(fields[1])).map(Array.init), bytes.count >= 5 else {
                throw ProofError("the signature line '\(line)' is not '— NAME BASE64'")
            }
            let hash = bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard fields[0] == key.name, hash == key.keyHash else { continue }
            guard key.isValidSignature(Array(bytes[4...]), for: Array(text.utf8)) else {
                throw ProofError("the signature by \(key.name)+\(String(format: "%08x", key.keyHash)) does not verify: the note was edited or signed by another key")
            }
            found = true
        }
        guard found else { throw ProofError("the note carries no signature by \(key.name)+\(String(format: "%08x", key.keyHash))") }
        return text
    }

    /// A note's text is UTF-8 without control characters other than newline, and ends with a newline.
    static func checkText(_ text: String) throws(ProofError) {
        guard text.hasSuffix("\n") else { throw ProofError("a note's text ends with a newline") }
        guard !text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }) else {
            throw ProofError("a note's text holds no control character other than newline")
        }
    }
}
