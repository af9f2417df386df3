import Foundation

extension LogFile {
    /// Why a log could not be published into a folder.
    public enum PublishError: Error, CustomStringConvertible {
        /// The folder already holds a published log and replacing it was not asked for.
        case wouldOverwrite(String, files: [String])
        case cannotWrite(String, reason: String)

        public var description: String {
            switch self {
            case .wouldOverwrite(let folder, let files):
                "\(folder) already holds a published log (\(files.joined(separator: ", "))); give --force to replace it, or another folder"
            case .cannotWrite(let folder, let reason): "cannot write the log into \(folder): \(reason)"
            }
        }
    }

    /// Publishes a log into `folder` as a whole or not at all, streaming it: `events` is called with a
    /// function to give each event to, in log order, and memory holds one buffer, not the log.
    ///
    /// The files are written complete into a private folder beside `folder`, then moved into place, so a
    /// kill or a full disk never leaves a partial log that would import as a prefix. Files of the folder
    /// other than `recorded-*.ndjson` (a README) are kept; log files the new log no longer has are removed.
    /// Private folders left by an export that was killed are removed first.
    ///
    /// ```swift
    /// let files = try LogFile.publish(to: "published", replacing: false) { add in
    ///     try store.forEachEvent { event in try add(event) }
    /// }
    /// ```
    /// - Parameter replacing: allow replacing the log files already in `folder`.
    /// - Returns: the files written.
    /// - Throws: `PublishError`, or what `events` throws (nothing is published then).
    public static func publish(to folder: String, replacing: Bool,
                               events: ((RecordedEvent) throws -> Void) throws -> Void) throws -> [String] {
        let manager = FileManager.default
        let name = (folder as NSString).lastPathComponent
        let parent = (folder as NSString).deletingLastPathComponent.isEmpty ? "." : (folder as NSString).deletingLastPathComponent
        let existing = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter(isLogFile).sorted()
        if !existing.isEmpty, !replacing { throw PublishError.wouldOverwrite(folder, files: existing) }
        removeAbandonedStaging(of: name, in: parent)
        let staging = (parent as NSString).appendingPathComponent(".\(name).exporting-\(getpid())")
        defer { try? manager.removeItem(atPath: staging) }
        do {
            let writer = try Writer(folder: staging)
            try events { event in try writer.add(event) }
            let written = try writer.finish().map { ($0 as NSString).lastPathComponent }
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for file in written {
                let target = (folder as NSString).appendingPathComponent(file)
                guard rename((staging as NSString).appendingPathComponent(file), target) == 0 else {
                    throw PublishError.cannotWrite(folder, reason: String(cString: strerror(errno)))
                }
            }
            for file in existing where !written.contains(file) {
                try manager.removeItem(atPath: (folder as NSString).appendingPathComponent(file))
            }
            return written.map { (folder as NSString).appendingPathComponent($0) }
        } catch PublishError.cannotWrite(_, let reason) {
            // The private folder is no name the caller knows.
            throw PublishError.cannotWrite(folder, reason: reason)
        } catch let error as PublishError {
            throw error
        } catch let error as NSError where error.domain == NSCocoaErrorDomain {
            let reason = error.code == NSFileWriteOutOfSpaceError ? "the disk is full" : error.localizedDescription
            throw PublishError.cannotWrite(folder, reason: reason)
        }
    }

    static func isLogFile(_ name: String) -> Bool { name.hasPrefix("recorded-") && name.hasSuffix(".ndjson") }

    /// Removes the private folders of exports into the same folder whose process is gone.
    private static func removeAbandonedStaging(of name: String, in parent: String) {
        let prefix = ".\(name).exporting-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
        }
    }
}
