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

        /// Batches of entries (last first), each with the bytes read by its end; the reading ends with the
        /// first bad line's error, or nil at the end of the log.
        private let batches: BoundedHandOff<(entries: [Entry], bytesRead: Int64), LogLineError?>
        /// The batch being handed out, last entry first, so that each is moved out rather than copied.
        private var pending: [Entry] = []

        /// Starts reading `reader` on a thread of its own; `reader` must not be used by anyone else after.
        /// - Parameters:
        ///   - batchSize: entries handed over at a time (fewer handovers, each a lock and a wake-up).
        ///   - inFlight: batches read and not yet taken, at most: what bounds memory.
        public init(_ reader: Reader, batchSize: Int = 256, inFlight: Int = 4) {
            totalBytes = reader.totalBytes
            batches = BoundedHandOff(capacity: inFlight)
            let reading = ReadingThread(reader: reader, batchSize: max(1, batchSize), into: batches)
            let thread = Thread { reading.readUntilDone() }
            thread.name = "carnot log reader"
            thread.start()
        }

        /// The reading thread stops when nobody takes what it reads any more.
        deinit { batches.stop() }

        /// The next event, or nil after the last line of the last file.
        /// - Throws: `LogLineError` naming the file and line of the first bad line, as `Reader.next` does.
        public func next() throws(LogLineError) -> Entry? {
            while true {
                if let entry = pending.popLast() { return entry }
                guard let batch = batches.receive() else {
                    if let error = batches.outcomeOfProducer() { throw error }
                    return nil
                }
                pending = batch.entries
                bytesRead = batch.bytesRead
            }
        }
    }
}

extension LogFile.Prefetcher {
    /// The reading thread's work. The reader is used by that thread alone.
    final class ReadingThread: @unchecked Sendable {
        private let reader: LogFile.Reader
        private let batchSize: Int
        private let batches: BoundedHandOff<(entries: [LogFile.Entry], bytesRead: Int64), LogLineError?>

        init(reader: LogFile.Reader, batchSize: Int,
             into batches: BoundedHandOff<(entries: [LogFile.Entry], bytesRead: Int64), LogLineError?>) {
            self.reader = reader
            self.batchSize = batchSize
            self.batches = batches
        }

        /// Reads batches until the log ends, a line is bad, or the taker is gone. The entries read before a
        /// bad line are sent before its error.
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
                guard batches.send((entries, reader.bytesRead)) else { return batches.finish(nil) }
                if error != nil || isLast { return batches.finish(error) }
            }
        }
    }
}
