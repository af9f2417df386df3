import ArgumentParser
import CCarnotSQLite
import CarnotRegistry
import Foundation

/// `carnot-bench replay-stages STORE`: the three stages of a replay timed apart, on one thread, to see
/// which one sets the pace of the pipeline: reading the bodies in fold order (SQLite and the copy),
/// decoding them (`FactDecoder`), folding the facts (`RegistryState.apply`). Corrections are not resolved
/// (every fact is folded as stored), so the state is not the replay's: the costs are.
struct ReplayStagesRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay-stages", shouldDisplay: false)

    @Argument(help: "A carnot store (opened read-only).") var path: String
    @Option(help: "Bodies read, then decoded, then folded at a time.") var chunk = 2_000
    @Option(help: "Events read at most (the first in fold order), for runs under valgrind.") var limit = Int.max

    func run() throws {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let connection else {
            throw BenchError("cannot open \(path)")
        }
        defer { sqlite3_close_v2(connection) }
        var statement: OpaquePointer?
        let sql = "SELECT seq, effective, body FROM events WHERE effective > ?1 AND effective <= ?2 ORDER BY effective, seq"
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else { throw BenchError("prepare") }
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_int64(statement, 1, .min)
        sqlite3_bind_int64(statement, 2, .max)

        var read = 0.0, decode = 0.0, fold = 0.0
        var events = 0, failures = 0
        var state = RegistryState()
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var facts: [StoredFact] = []
        var more = true
        let chunk = chunk, limit = limit
        while more {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            var start = Stopwatch.now()
            while ends.count < chunk {
                guard events + ends.count < limit else { more = false; break }
                guard sqlite3_step(statement) == SQLITE_ROW else { more = false; break }
                let length = Int(sqlite3_column_bytes(statement, 2))
                if let blob = sqlite3_column_blob(statement, 2) {
                    bytes.append(contentsOf: UnsafeRawBufferPointer(start: blob, count: length))
                }
                ends.append(bytes.count)
            }
            read += Stopwatch.now() - start
            start = Stopwatch.now()
            facts.removeAll(keepingCapacity: true)
            bytes.withUnsafeBytes { buffer in
                var from = 0
                for end in ends {
                    if let fact = try? FactDecoder.decode(UnsafeRawBufferPointer(rebasing: buffer[from..<end])) {
                        facts.append(fact)
                    } else {
                        failures += 1
                    }
                    from = end
                }
            }
            decode += Stopwatch.now() - start
            start = Stopwatch.now()
            for fact in facts { state.apply(fact.event, on: fact.effective, precision: fact.precision) }
            fold += Stopwatch.now() - start
            events += ends.count
        }
        let perEvent = { (seconds: Double) in String(format: "%.3f s (%.0f ns/event)", seconds, seconds / Double(max(events, 1)) * 1e9) }
        print("\(events) events, \(failures) undecodable, \(state.institutes.count) institutes")
        print("read   " + perEvent(read))
        print("decode " + perEvent(decode))
        print("fold   " + perEvent(fold))
    }
}
