import Foundation
import Testing
@testable import CarnotRegistry

/// Keys, signatures and checkpoints against the published examples of the signed-note format.
///
/// Source: golang.org/x/mod/sumdb/note, note_test.go (the reference implementation of c2sp.org/signed-note):
/// the PeterNeumann and EnochRoot keys, and the signature of the Peter Neumann quote.
struct SignedNoteTests {
    static let peterVerifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let peterSigner = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let enochVerifier = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
    static let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let peterSignature = "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    static let enochSignature = "\u{2014} EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"

    @Test func thePublishedKeysParseAndTheirKeyHashesAreRecomputed() throws {
        let verifier = try NoteVerifierKey(parsing: Self.peterVerifier)
        #expect(verifier.name == "PeterNeumann" && verifier.keyHash == 0xc74f20a3)
        #expect(verifier.encoded == Self.peterVerifier)
        let signer = try NoteSignerKey(parsing: Self.peterSigner)
        #expect(signer.verifier == verifier)
        #expect(signer.encoded == Self.peterSigner)
        #expect(try NoteVerifierKey(parsing: Self.enochVerifier).keyHash == 0xaf0cfe78)
    }

    @Test func signingThePublishedTextGivesThePublishedSignature() throws {
        let note = try SignedNote.sign(Self.text, with: try NoteSignerKey(parsing: Self.peterSigner))
        #expect(note == Self.text + "\n" + Self.peterSignature)
    }

    @Test func aNoteOpensWithItsKeyIgnoringOtherSignersAndFailsWithAnotherKey() throws {
        let peter = try NoteVerifierKey(parsing: Self.peterVerifier), enoch = try NoteVerifierKey(parsing: Self.enochVerifier)
        let both = Self.text + "\n" + Self.peterSignature + Self.enochSignature
        #expect(try SignedNote.open(both, verifier: peter) == Self.text)
        #expect(try SignedNote.open(both, verifier: enoch) == Self.text)
        #expect(throws: ProofError.self) { try SignedNote.open(Self.text + "\n" + Self.peterSignature, verifier: enoch) }
        let edited = Self.text.replacingOccurrences(of: "answer", with: "Answer") + "\n" + Self.peterSignature
        #expect(throws: ProofError.self) { try SignedNote.open(edited, verifier: peter) }
        let signature = Self.peterSignature
        let badSignature = String(signature.prefix(60)) + "ABCD" + String(signature.dropFirst(60))
        #expect(throws: ProofError.self) { try SignedNote.open(Self.text + "\n" + badSignature, verifier: peter) }
        for malformed in [Self.text, Self.text + "\n", Self.text + "\n" + String(signature.dropLast()),
                          "\u{01}" + Self.text + "\n" + signature, Self.text + "\n" + signature + "Unexpected line.\n"] {
            #expect(throws: ProofError.self) { try SignedNote.open(malformed, verifier: peter) }
        }
    }

    /// The manglings of note_test.go's TestNewVerifier: every substring and every one-byte change is refused.
    @Test func everyManglingOfAPublishedKeyIsRefused() {
        let bytes = Array(Self.peterVerifier.utf8)
        for start in 0...bytes.count {
            for end in (start + 1)..<(bytes.count + 1) where !(start == 0 && end == bytes.count) {
                #expect(throws: ProofError.self) { try NoteVerifierKey(parsing: String(decoding: bytes[start..<end], as: UTF8.self)) }
            }
        }
        for index in bytes.indices {
            var changed = bytes
            changed[index] &+= 1
            #expect(throws: ProofError.self) { try NoteVerifierKey(parsing: String(decoding: changed, as: UTF8.self)) }
        }
        #expect(throws: ProofError.self) { try NoteVerifierKey(parsing: "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==") }
        #expect(throws: ProofError.self) { try NoteVerifierKey(parsing: "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") }
    }

    @Test func aCheckpointRoundTripsAndSignsAsANoteThatFailsWhenALineIsEdited() throws {
        let checkpoint = TreeCheckpoint(origin: "carnot-registry", size: 8, rootHash: MerkleVectorTests.roots[7])
        #expect(checkpoint.text == "carnot-registry\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")
        #expect(try TreeCheckpoint(parsing: checkpoint.text) == checkpoint)
        let key = try NoteSignerKey(parsing: Self.peterSigner)
        let note = try SignedNote.sign(checkpoint.text, with: key)
        #expect(try TreeCheckpoint(parsing: try SignedNote.open(note, verifier: key.verifier)) == checkpoint)
        let otherKey = try NoteSignerKey.generate(name: "PeterNeumann")
        #expect(throws: ProofError.self) { try SignedNote.open(note, verifier: otherKey.verifier) }
        #expect(throws: ProofError.self) { try SignedNote.open(note.replacingOccurrences(of: "\n8\n", with: "\n9\n"), verifier: key.verifier) }
        for bad in ["carnot-registry\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "carnot-registry\n8\nXcna\n", "\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"] {
            #expect(throws: ProofError.self) { try TreeCheckpoint(parsing: bad) }
        }
    }
}
