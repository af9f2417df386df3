import Foundation

extension LogFile {
    /// Reads a published log on a thread of its own, a few batches ahead of the one that takes its events.
    ///
    /// Reading a line is pure work on its bytes: the decode, the proof that it is canonical, its hash
    /// (`LogFile.entry`, about a fifth of an import's time). An import's own work (rules, inserts) is
    /// SQLite's and stays on its thread; so on two cores the two overlap. It hands out the same entries,
    /// in the same order, and the same first error, at the same place, as `Reader` does: the reading thread
    /// stops at its first error, and that error is handed out after the entries read before it.
    ///
    /// Memory holds at most `inFlight` batches of `batchSize` entries, whatever the size of the log. The
    /// reading thread stops when this reader is released, even mid-log (an import refused half-way).
    ///
    /// ```swift
    /// let reader = try LogFile.Prefetcher(LogFile.Reader("Events/"))
    /// let result = try store.importLog(from: reader.next)
    /// ```
    public final class Prefetcher {
        /// The bytes of all the files, for progress.
        public let totalBytes: Int64
        /// The bytes read up to the last event handed out (to the end of its batch), for progress.
        public private(set) var bytesRead: Int64 = 0

        private let queue: Queue
        /// The batch being handed out, last entry first, so that each is moved out rather than copied.
        private var pending: [Entry] = []
        private var ending: LogLineError?
        private var ended = false

        /// Starts reading `reader` on a thread of its own; `reader` must not be used by anyone else after.
        /// - Parameters:
        ///   - batchSize: entries handed over at a time (fewer handovers, each a lock and a wake-up).
        ///   - inFlight: batches read and not yet taken, at most: what bounds memory.
        public init(_ reader: Reader, batchSize: Int = 256, inFlight: Int = 4) {
            totalBytes = reader.totalBytes
            queue = Queue(reader: reader, batchSize: max(1, batchSize), inFlight: max(1, inFlight))
            let queue = queue
            let thread = Thread { queue.readUntilDone() }
            thread.name = "carnot log reader"
            thread.start()
        }

        deinit { queue.cancel() }

        /// The next event, or nil after the last line of the last file.
        /// - Throws: `LogLineError` naming the file and line of the first bad line, as `Reader.next` does.
        public func next() throws(LogLineError) -> Entry? {
            while true {
                if let entry = pending.popLast() { return entry }
                if let ending { throw ending }
                if ended { return nil }
                let handed = queue.take()
                pending = handed.entries
                bytesRead = handed.bytesRead
                ending = handed.error
                ended = handed.isLast
            }
        }
    }
}

extension LogFile.Prefetcher {
    /// What passes between the reading thread and the taking one. The reader is used by the reading thread
    /// alone, from `readUntilDone`; everything else is guarded by `condition`.
    final class Queue: @unchecked Sendable {
        /// Entries read together (last first), the bytes read by then, and how the reading stopped, if it did.
        typealias Handed = (entries: [LogFile.Entry], bytesRead: Int64, error: LogLineError?, isLast: Bool)

        private let reader: LogFile.Reader
        private let batchSize: Int
        private let inFlight: Int
        private let condition = NSCondition()
        private var handed: [Handed] = []
        private var cancelled = false

        init(reader: LogFile.Reader, batchSize: Int, inFlight: Int) {
            self.reader = reader
            self.batchSize = batchSize
            self.inFlight = inFlight
        }

        /// The reading thread's loop: reads batches until the log ends, a line is bad, or the taker is gone.
        func readUntilDone() {
            while true {
                var entries: [LogFile.Entry] = []
                entries.reserveCapacity(batchSize)
                var error: LogLineError?
                var isLast = false
                do {
                    while entries.count < batchSize {
                        guard let entry = try reader.next() else { isLast = true; break }
                        entries.append(entry)
                    }
                } catch let failure {
                    error = failure
                }
                entries.reverse()
                condition.lock()
                while handed.count >= inFlight && !cancelled { condition.wait() }
                if cancelled {
                    condition.unlock()
                    return
                }
                handed.append((entries, reader.bytesRead, error, isLast))
                condition.broadcast()
                condition.unlock()
                if isLast || error != nil { return }
            }
        }

        /// The next batch, waiting for the reading thread if it has not read it yet.
        func take() -> Handed {
            condition.lock()
            defer { condition.unlock() }
            while handed.isEmpty { condition.wait() }
            let next = handed.removeFirst()
            condition.broadcast()
            return next
        }

        /// Tells the reading thread to stop: nobody takes what it reads any more.
        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
