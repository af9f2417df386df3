import Foundation

extension LogFile {
    /// Reads a published log one line at a time, through a fixed buffer, so that memory holds one line and
    /// one buffer whatever the size of the log (a log of a million events is about 400 MB).
    ///
    /// Each line is checked as `LogFile.read` checks it (canonical form, its own hash); the chain across
    /// lines is the importer's to check.
    ///
    /// ```swift
    /// let reader = try LogFile.Reader("Events/")
    /// while let entry = try reader.next() { print(entry.event.seq) }
    /// ```
    public final class Reader {
        /// The size of each read; a longer line grows the buffer up to `maximumLineLength`.
        let chunk: Int
        /// No event comes near this (texts are at most 2,000 characters): a longer line is refused rather
        /// than buffered, so that a hostile file cannot make the reader take all the memory there is.
        public static let maximumLineLength = 16 << 20

        /// The files read, in order.
        public let files: [String]
        /// The bytes of all the files, for progress.
        public let totalBytes: Int64
        /// The bytes read so far.
        public private(set) var bytesRead: Int64 = 0

        private var fileIndex = -1
        private var descriptor: Int32 = -1
        private var buffer: [UInt8] = []
        /// The unread bytes are `buffer[start..<end]`.
        private var start = 0
        private var end = 0
        private var atEndOfFile = true
        private var lineNumber = 0

        deinit { closeFile() }

        /// Opens the log at `path`: an `.ndjson` file, or a folder whose `.ndjson` files are read in name order.
        /// - Throws: `LogLineError` when there is no such file or the folder holds no log.
        /// - Parameter chunk: bytes per read (a megabyte; tests give less to cross many chunk boundaries).
        public init(_ path: String, chunk: Int = 1 << 20) throws(LogLineError) {
            self.chunk = max(1, chunk)
            files = try LogFile.files(at: path)
            totalBytes = files.reduce(0) { total, file in
                total + (((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.int64Value ?? 0)
            }
        }

        /// The next event, or nil after the last line of the last file.
        /// - Throws: `LogLineError` naming the file and line of the first bad line.
        public func next() throws(LogLineError) -> Entry? {
            while true {
                if let line = try nextLine() {
                    if line.isEmpty { continue }
                    return try LogFile.entry(line, file: files[fileIndex], line: lineNumber)
                }
                guard try openNextFile() else { return nil }
            }
        }

        /// The next line of the current file (without its newline), or nil at its end.
        private func nextLine() throws(LogLineError) -> [UInt8]? {
            guard fileIndex >= 0 else { return nil }
            var searched = start
            while true {
                if let newline = buffer[searched..<end].firstIndex(of: 0x0A) {
                    lineNumber += 1
                    let line = Array(buffer[start..<newline])
                    start = newline + 1
                    return line
                }
                // What is searched already is not searched again; `fill` moves the unread bytes to the front.
                let searchedCount = end - start
                if atEndOfFile {
                    guard start < end else { closeFile(); return nil }
                    // The last line of a file need not end with a newline.
                    lineNumber += 1
                    let line = Array(buffer[start..<end])
                    start = end
                    return line
                }
                try fill()
                searched = start + searchedCount
            }
        }

        /// Reads the next chunk behind the unread bytes, moving them to the front of the buffer first.
        private func fill() throws(LogLineError) {
            let file = files[fileIndex]
            let pending = end - start
            guard pending < Self.maximumLineLength else {
                throw LogLineError(file: file, line: lineNumber + 1, kind: .malformed,
                                   message: "the line is longer than \(Self.maximumLineLength >> 20) MB: it cannot be an event (a text is at most \(JSONFields.maximumTextLength) characters); is this a published log?")
            }
            if start > 0 {
                buffer.withUnsafeMutableBytes { bytes in
                    _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, pending)
                }
                start = 0
                end = pending
            }
            if buffer.count - end < chunk { buffer.append(contentsOf: repeatElement(0, count: chunk)) }
            let count = buffer.withUnsafeMutableBytes { bytes in
                Glibc.read(descriptor, bytes.baseAddress! + end, bytes.count - end)
            }
            guard count >= 0 else {
                throw LogLineError(file: file, line: lineNumber + 1, kind: .malformed,
                                   message: "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { atEndOfFile = true }
            end += count
            bytesRead += Int64(count)
        }

        private func openNextFile() throws(LogLineError) -> Bool {
            closeFile()
            guard fileIndex + 1 < files.count else { return false }
            fileIndex += 1
            descriptor = open(files[fileIndex], O_RDONLY)
            guard descriptor >= 0 else {
                throw LogLineError(file: files[fileIndex], line: 0, kind: .malformed,
                                   message: "cannot read the file: \(String(cString: strerror(errno)))")
            }
            start = 0
            end = 0
            lineNumber = 0
            atEndOfFile = false
            return true
        }

        private func closeFile() {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            atEndOfFile = true
        }
    }
}
