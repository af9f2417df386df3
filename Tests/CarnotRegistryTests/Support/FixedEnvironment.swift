import Foundation
@testable import CarnotRegistry

/// A recording environment whose clock ticks one `step` per reading from a fixed instant and whose ids are
/// numbered from 1: two stores given equal environments record byte-identical logs.
///
/// The store reads the clock once per decision it writes (every event of a decision carries the commit's
/// record time), so in a log written only through single-event appends the event at position `seq` was
/// recorded at `recordTime(ofSeq:)`.
final class FixedEnvironment: RecordingEnvironment, @unchecked Sendable {
    let start: Timestamp
    let step: Int64
    let writer: Int
    private let lock = NSLock()
    private var readings: Int64 = 0
    private var issuedIDs = 0

    /// - Parameters:
    ///   - start: the first instant the clock returns.
    ///   - stepMicroseconds: how far the clock moves on each reading (one second by default).
    ///   - writer: a digit that sets this environment's ids apart from another writer's on the same file.
    init(start: Timestamp = Timestamp(startOf: day("2026-01-05")), stepMicroseconds: Int64 = 1_000_000,
         writer: Int = 0) {
        self.start = start
        self.step = stepMicroseconds
        self.writer = writer
    }

    func now() -> Timestamp {
        lock.withLock {
            defer { readings += 1 }
            return instant(ofReading: readings)
        }
    }

    func newEventID() -> String {
        lock.withLock {
            issuedIDs += 1
            let digits = String(issuedIDs)
            return "0000000\(writer)-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
        }
    }

    /// The instant the clock returns on its `reading`th reading, counting from 0.
    func instant(ofReading reading: Int64) -> Timestamp {
        Timestamp(microseconds: start.microseconds + reading * step)
    }

    /// The record time of the event at `seq` when every clock reading wrote an event that stayed in the log.
    func recordTime(ofSeq seq: Int64) -> Timestamp {
        instant(ofReading: seq - 1)
    }
}
