import Crypto

/// The checksum that binds a stored checkpoint to what it claims to be: the state on `day` as known at log
/// position `position`, whose hash was `positionHash` when it was written.
///
/// SHA-256 over day (8 bytes, big-endian), position (8 bytes, big-endian), the position's hash (64 hex
/// digits) and the `StateCodec` bytes. The stale mark, which changes after the row is written, has a seal
/// of its own over the checksum and the mark, so marking a checkpoint stale does not re-hash its state. A
/// flipped bit anywhere in the row, or a log rewritten under it (the position's hash changed), makes the
/// checkpoint unusable: queries fold from an older one instead.
enum CheckpointSeal {
    static func checksum(day: Day, position: Int64, positionHash: String, state: some Collection<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        withUnsafeBytes(of: Int64(day.ordinal).bigEndian) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: position.bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(data: Array(positionHash.utf8))
        hasher.update(data: Array(state))
        return Array(hasher.finalize())
    }

    /// The seal of a stale mark (`staleFrom`, nil while the checkpoint holds) on the checkpoint of `checksum`.
    static func staleSeal(checksum: [UInt8], staleFrom: Int64?) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: checksum)
        withUnsafeBytes(of: (staleFrom ?? -1).bigEndian) { hasher.update(bufferPointer: $0) }
        return Array(hasher.finalize())
    }
}
