/// One row of the `events` table, exactly as the store wrote it: what the raw baseline writes again.
struct RawRow {
    let seq: Int64
    let id: String
    let type: String
    let effective: Int64
    let recorded: Int64
    let body: [UInt8]
    let prev: String
    let hash: String
}
