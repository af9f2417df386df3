import Foundation
import Testing
@testable import CarnotRegistry

/// An attacker with the file edits any table: single bytes of any column, rows inserted, deleted or
/// swapped, with the triggers in place or dropped (fixed seed). Every edit that changes any answer is
/// reported by `verify`.
struct TableTamperFuzzTests {
    static let keys: [String: [String]] = [
        "events": ["seq"], "corrections": ["seq"], "checkpoints": ["day", "position"],
        "checkpoint_states": ["day", "position"], "merkle_nodes": ["level", "idx"], "idempotency": ["key"],
    ]

    @Test func everyEditOfAnyTableThatChangesAnAnswerIsReported() throws {
        try VerifyEverythingTests.withHistoryStore { _, path in
            let pristineAnswers = Answers.of(try EventStore(path: path, readOnly: true))
            let pristine = try Answers.fileBytes(path)
            var random = SeededGenerator(seed: 0x14_F022)
            var edits = 0, changing = 0
            for round in 0..<160 {
                let copy = path + "-fuzz-\(round)"
                try pristine.write(to: URL(fileURLWithPath: copy))
                defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
                let description: String
                do {
                    let raw = try SQLiteConnection(path: copy)
                    if Bool.random(using: &random) {
                        for trigger in ["events_refuse_update", "events_refuse_delete", "events_chain_on_insert",
                                        "idempotency_refuse_update", "idempotency_refuse_delete"] {
                            try raw.execute("DROP TRIGGER \(trigger)")
                        }
                    }
                    guard let edit = try Self.edit(raw, using: &random) else { continue }
                    description = edit
                } catch {
                    continue  // refused by a trigger or a constraint: nothing changed
                }
                edits += 1
                let store = try EventStore(path: copy, readOnly: true)
                guard Answers.of(store) != pristineAnswers else { continue }
                changing += 1
                let report = try? store.verify()
                #expect(report?.isValid != true, "round \(round): \(description) changed an answer and verify passed")
            }
            #expect(edits > 100 && changing > 15, "\(edits) edits, \(changing) changing an answer")
        }
    }

    /// Makes one random edit; returns what it did, nil when the table is empty.
    static func edit(_ raw: SQLiteConnection, using random: inout SeededGenerator) throws -> String? {
        let table = keys.keys.sorted().randomElement(using: &random)!
        let keyColumns = keys[table]!
        var columns: [String] = []
        try raw.statement("PRAGMA table_info(\(table))").query { row in columns.append(row.text(1)); return true }
        let count = try raw.integer("SELECT count(*) FROM \(table)")
        guard count > 0 else { return nil }
        func row(_ offset: Int64) throws -> [SQLiteValue] {
            let selected = columns.map { "typeof(\($0)), \($0)" }.joined(separator: ", ")
            return try raw.statement("SELECT \(selected) FROM \(table) LIMIT 1 OFFSET ?1").first([.integer(offset)]) { row in
                (0..<columns.count).map { index -> SQLiteValue in
                    let column = Int32(2 * index + 1)
                    switch row.text(column - 1) {
                    case "integer": return .integer(row.integer(column))
                    case "null": return .null
                    case "text": return .text(row.text(column))
                    default: return .blob(row.bytes(column))
                    }
                }
            }!
        }
        func whereKey(_ values: [SQLiteValue], from start: Int) -> (String, [SQLiteValue]) {
            let clause = keyColumns.enumerated().map { "\($0.element) = ?\(start + $0.offset)" }.joined(separator: " AND ")
            return (clause, keyColumns.map { values[columns.firstIndex(of: $0)!] })
        }
        let target = try row(Int64.random(in: 0..<count, using: &random))
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            let column = Int.random(in: 0..<columns.count, using: &random)
            let changed = mutate(target[column], using: &random)
            let (clause, key) = whereKey(target, from: 2)
            try raw.statement("UPDATE \(table) SET \(columns[column]) = ?1 WHERE \(clause)").execute([changed] + key)
            return "\(table).\(columns[column]) changed"
        case 1:
            let (clause, key) = whereKey(target, from: 1)
            try raw.statement("DELETE FROM \(table) WHERE \(clause)").execute(key)
            return "a row of \(table) deleted"
        case 2:
            var copy = target
            let keyIndex = columns.firstIndex(of: keyColumns.randomElement(using: &random)!)!
            copy[keyIndex] = mutate(copy[keyIndex], using: &random)
            let placeholders = (1...columns.count).map { "?\($0)" }.joined(separator: ", ")
            try raw.statement("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))").execute(copy)
            return "a row of \(table) inserted"
        default:
            let other = try row(Int64.random(in: 0..<count, using: &random))
            let column = Int.random(in: 0..<columns.count, using: &random)
            guard !keyColumns.contains(columns[column]) else { return nil }
            let (first, firstKey) = whereKey(target, from: 2), (second, secondKey) = whereKey(other, from: 2)
            try raw.statement("UPDATE \(table) SET \(columns[column]) = ?1 WHERE \(first)").execute([other[column]] + firstKey)
            try raw.statement("UPDATE \(table) SET \(columns[column]) = ?1 WHERE \(second)").execute([target[column]] + secondKey)
            return "\(table).\(columns[column]) swapped between two rows"
        }
    }

    static func mutate(_ value: SQLiteValue, using random: inout SeededGenerator) -> SQLiteValue {
        switch value {
        case .integer(let number): return .integer(number ^ (Int64(1) << Int64.random(in: 0..<24, using: &random)))
        case .null: return .integer(Int64.random(in: 1...40, using: &random))
        case .text(let text):
            var bytes = Array(text.utf8)
            guard !bytes.isEmpty else { return .text("x") }
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...127, using: &random)
            return .text(String(decoding: bytes, as: UTF8.self))
        case .blob(var bytes):
            guard !bytes.isEmpty else { return .blob([1]) }
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            return .blob(bytes)
        }
    }
}
