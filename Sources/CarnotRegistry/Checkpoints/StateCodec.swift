/// A compact, exact binary encoding of `RegistryState`, for projection checkpoints.
///
/// `decode(encode(state)) == state` for every state, and encoding is deterministic: dictionaries are
/// written in ascending key order, so the same state always gives the same bytes. Decoding is total: cut,
/// corrupted or foreign bytes throw `StateCodecError`, never trap, and no length is trusted beyond the
/// bytes actually present.
///
/// ## Format, version 2
/// Integers are LEB128 varints, signed ones zigzag-mapped first; a string is its UTF-8 length then its
/// bytes; an optional string or identifier reference is 0 for nil, else the value plus one.
///
/// ```
/// magic 0xCA, formatVersion
/// identifiers: count, then each distinct EntityID of the state, ascending, as a string
/// institutes:  count, then per entry in key order: key ref, id ref, name, homeInstitutions (count,
///              strings), registered day, director ref?, terms (count, then flags byte [bits 0-1 kind,
///              2 probation, 3 renewal, 4 has withdrawal], call ref, from day, until day, withdrawal
///              string if flagged), notRenewedIn (count, refs)
/// schools:     count, then per entry: key ref, id ref, name, parent string?, registered day, affiliations
///              (count, then per institute in key order: ref, role code), mergedInto ref?, mergedFrom
///              (count, refs in order)
/// people:      count, then per entry: key ref, id ref, name, alsoKnownAs (count, strings)
/// offices:     count, then in array order (grouped by office, in `Office.allCases` order): office code,
///              person ref, representing ref?, since day, precision code
/// consortia:   count, then per entry: key ref, id ref, name, formed day, members (count, then per
///              institute in key order: ref, role code)
/// calls:       count, then per entry: key ref, id ref, name, opened day, flags byte [bit 0 closes,
///              1 results, 2 announced], closes day, results (presence byte [bits 0-4 renewed, new,
///              notRenewed, tremplins, probation], labelled, then each present count), announced day and
///              precision code, each only when flagged
/// ```
/// A ref is a varint index into the identifier table; a day is its zigzag ordinal. Interning identifiers
/// keeps the checkpoint small and lets decoding check and build each identifier string once.
///
/// ```swift
/// let bytes = StateCodec.encode(state)
/// let restored = try StateCodec.decode(bytes)   // == state
/// ```
public enum StateCodec {
    /// The first byte of every checkpoint, so that another blob is refused before its version is read.
    public static let magic: UInt8 = 0xCA

    /// The second byte: bump it whenever the layout or an enumeration code changes.
    ///
    /// Version 2 holds the office holdings grouped by office; version 1 held them in the order of appointment
    /// across offices. A version-1 checkpoint still decodes (its holdings are grouped as it is read), so that
    /// a store of layout 5 can be upgraded (`EventStore.reencodeCheckpoints`); it is never written.
    public static let formatVersion: UInt8 = 2

    /// The format whose office holdings were in the order of appointment across offices.
    static let ungroupedOfficesVersion: UInt8 = 1

    /// The checkpoint bytes of `state`, the same bytes for equal dictionaries and arrays every time.
    public static func encode(_ state: RegistryState) -> [UInt8] {
        CheckpointEncoder.encode(state)
    }

    /// The state `bytes` encode.
    ///
    /// - Parameter bytes: a checkpoint written by `encode(_:)` with this `formatVersion` (or version 1), and
    ///   nothing after it.
    /// - Throws: `StateCodecError` naming the byte offset and the rule broken when the bytes are not such a
    ///   checkpoint: another magic or version, truncation, a bad length, ill-formed UTF-8, an invalid
    ///   identifier, an undefined enumeration code, a duplicate key, office holdings out of their order or
    ///   trailing bytes.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(StateCodecError) -> RegistryState {
        var decoder = CheckpointDecoder(bytes)
        return try decoder.decodeState()
    }

    /// The state `bytes` encode; see `decode(_:)` on a raw buffer.
    ///
    /// - Throws: `StateCodecError` when the bytes are not a checkpoint of this format.
    public static func decode(_ bytes: [UInt8]) throws(StateCodecError) -> RegistryState {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(StateCodecError) -> RegistryState in try decode(buffer) }
        }
        return try result.get()
    }
}
