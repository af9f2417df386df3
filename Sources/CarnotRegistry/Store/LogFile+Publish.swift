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

    /// Publishes `events` into `folder` as a whole or not at all.
    ///
    /// The files are written complete into a private folder beside `folder`, then moved into place, so a
    /// kill or a full disk never leaves a partial log that would import as a prefix. Files of the folder
    /// other than `recorded-*.ndjson` (a README) are kept; log files the new log no longer has are removed.
    /// Private folders left by an export that was killed are removed first.
    /// - Parameter replacing: allow replacing the log files already in `folder`.
    /// - Returns: the files written.
    public static func publish(_ events: [RecordedEvent], to folder: String, replacing: Bool) throws(PublishError) -> [String] {
        let manager = FileManager.default
        let name = (folder as NSString).lastPathComponent
        let parent = (folder as NSString).deletingLastPathComponent.isEmpty ? "." : (folder as NSString).deletingLastPathComponent
        let existing = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter(isLogFile).sorted()
        if !existing.isEmpty, !replacing { throw .wouldOverwrite(folder, files: existing) }
        removeAbandonedStaging(of: name, in: parent)
        let staging = (parent as NSString).appendingPathComponent(".\(name).exporting-\(getpid())")
        defer { try? manager.removeItem(atPath: staging) }
        do {
            let written = try write(events, to: staging).map { ($0 as NSString).lastPathComponent }
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
        } catch let error as PublishError {
            throw error
        } catch {
            let reason = (error as NSError).code == NSFileWriteOutOfSpaceError ? "the disk is full" : error.localizedDescription
            throw .cannotWrite(folder, reason: reason)
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
