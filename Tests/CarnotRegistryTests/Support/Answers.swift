import Foundation
@testable import CarnotRegistry

/// What the store answers, as comparable bytes: the tamper tests ask whether an edit changed any of it.
enum Answers {
    static let days = ["2005-12-31", "2006-04-01", "2008-06-15", "2011-04-28", "2011-05-15", "2016-03-01", "2017-01-01", "2030-01-01"].map(day)

    /// The state on each of `days` at every cut-off up to the head, the current state, the log, its
    /// Merkle root. An answer that throws is recorded as its error.
    static func of(_ store: EventStore) -> [String] {
        var answers: [String] = []
        func record(_ body: () throws -> String) {
            do { answers.append(try body()) } catch { answers.append("error: \(error)") }
        }
        let head = (try? store.head().seq) ?? 0
        for day in days {
            for upto in stride(from: Int64(1), through: head, by: 3) + [head] {
                record { Hex.string(StateCodec.encode(try store.state(at: day, knownAt: .position(upto)))) }
            }
        }
        record { Hex.string(StateCodec.encode(try store.currentState())) }
        record { try store.events().map { String(decoding: EventSchema.line(of: $0), as: UTF8.self) }.joined(separator: "\n") }
        record { Hex.string(try store.treeCheckpoint(origin: "o").rootHash) }
        return answers
    }

    /// Appends `event` (its `prev` set, its hash computed here) with raw SQL, as an attacker with the file
    /// would: the triggers stay, so it must take the next position and chain to the head. Returns its head.
    @discardableResult
    static func rawAppend(_ event: Event, effective: String, to path: String) throws -> LogHead {
        let raw = try SQLiteConnection(path: path)
        let (seq, prev, recorded) = try raw.statement("SELECT seq, hash, recorded FROM events ORDER BY seq DESC LIMIT 1")
            .first { ($0.integer(0) + 1, $0.text(1), $0.integer(2) + 1) }!
        let date = try PartialDate(parsing: effective)
        let unsigned = RecordedEvent(seq: seq, id: "ffffffff-0000-4000-8000-\(String(format: "%012d", seq))", event: event,
                                     effective: date.day, precision: date.precision, recorded: Timestamp(microseconds: recorded),
                                     source: "forged", recordedBy: "attacker", confidence: .confirmed, note: nil, prev: prev, hash: "")
        let body = CanonicalJSON.bytes(EventSchema.body(of: unsigned))
        let hash = EventSchema.hash(prev: prev, body: body)
        try raw.statement("INSERT INTO events (seq, id, type, effective, recorded, body, prev, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .execute([.integer(seq), .text(unsigned.id), .text(event.typeName), .integer(Int64(date.day.ordinal)),
                      .integer(recorded), .text(String(decoding: body, as: UTF8.self)), .text(prev), .text(hash)])
        return LogHead(seq: seq, hash: hash)
    }
}

extension Answers {
    /// The bytes of the store file with every commit in it (its WAL checkpointed), to copy for a tamper round.
    static func fileBytes(_ path: String) throws -> Data {
        try SQLiteConnection(path: path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
