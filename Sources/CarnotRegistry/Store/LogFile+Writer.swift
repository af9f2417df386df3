import Foundation

extension LogFile {
    /// Writes a log one event at a time into `recorded-YYYY.ndjson` files, through a fixed buffer, so that
    /// memory holds one buffer whatever the size of the log.
    ///
    /// Events come in log order; record time never goes back along the log, so the files are written one
    /// after the other. Should a year come back (a damaged store), its file is appended to, which writes the
    /// same bytes as grouping the events by year first.
    final class Writer {
        static let bufferSize = 1 << 20

        private let folder: String
        private var buffer: [UInt8] = []
        private var year: Int?
        private var descriptor: Int32 = -1
        /// The files written, in the order they were started.
        private(set) var written: [String] = []

        /// - Throws: `PublishError.cannotWrite` when the folder cannot be made.
        init(folder: String) throws(PublishError) {
            self.folder = folder
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(folder, reason: (error as NSError).localizedDescription)
            }
            buffer.reserveCapacity(Self.bufferSize + 4_096)
        }

        deinit { if descriptor >= 0 { close(descriptor) } }

        /// Adds the next event of the log.
        func add(_ event: RecordedEvent) throws(PublishError) {
            try add(line: EventSchema.line(of: event), year: event.recorded.day.year)
        }

        /// Adds the next published line, recorded in `year`.
        func add(line: [UInt8], year: Int) throws(PublishError) {
            if year != self.year { try open(year) }
            buffer.append(contentsOf: line)
            buffer.append(0x0A)
            if buffer.count >= Self.bufferSize { try flush() }
        }

        /// Writes what is buffered and closes the last file; returns the files written, sorted by name.
        func finish() throws(PublishError) -> [String] {
            try flush()
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            return written.sorted()
        }

        private func open(_ year: Int) throws(PublishError) {
            try flush()
            if descriptor >= 0 { close(descriptor) }
            let path = (folder as NSString).appendingPathComponent("recorded-\(year).ndjson")
            let again = written.contains(path)
            descriptor = Foundation.open(path, O_WRONLY | O_CREAT | (again ? O_APPEND : O_TRUNC), 0o644)
            guard descriptor >= 0 else { throw failure(path) }
            if !again { written.append(path) }
            self.year = year
        }

        private func flush() throws(PublishError) {
            var offset = 0
            while offset < buffer.count {
                let count = buffer.withUnsafeBytes { bytes in Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset) }
                guard count > 0 else {
                    if count < 0, errno == EINTR { continue }
                    throw failure(folder)
                }
                offset += count
            }
            buffer.removeAll(keepingCapacity: true)
        }

        private func failure(_ path: String) -> PublishError {
            .cannotWrite(path, reason: errno == ENOSPC ? "the disk is full" : String(cString: strerror(errno)))
        }
    }
}
