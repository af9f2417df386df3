import Foundation

/// Checks on a file or folder a command is about to write, and plain sentences for why a write failed.
enum OutputPath {
    /// Refuses (64) to replace an existing file unless `force`, and a folder in any case.
    static func checkFile(_ path: String, force: Bool, option: String = "--out") throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        if isFolder.boolValue { throw CommandFailure(message: "\(option) \(path): is a folder; give a file path", code: 64) }
        if !force { throw CommandFailure(message: "\(option) \(path): already exists; pass --force to replace it", code: 64) }
    }

    /// Refuses (64) a path that is a file, and unless `force`, a folder that already holds published log files.
    static func checkLogFolder(_ path: String, force: Bool, option: String = "--out") throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw CommandFailure(message: "\(option) \(path): is a file; give a folder", code: 64) }
        let logs = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".ndjson") }.sorted()
        if !logs.isEmpty, !force {
            throw CommandFailure(message: "\(option) \(path): already holds \(logs.joined(separator: ", ")); pass --force to replace them, or give an empty folder", code: 64)
        }
    }

    /// Why a write failed, as a person reads it ("No such file or directory"), never a raw Foundation dump.
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if let reason = error.localizedFailureReason { return reason }
        return error.localizedDescription
    }

    /// The sentence for a failed write to `path`: the reason and what to check.
    static func failure(_ error: Error, path: String, option: String = "--out") -> CommandFailure {
        let reason = reason(error)
        return CommandFailure(message: "\(option) \(path): cannot write: \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason); check that the folder exists and is writable", code: 1)
    }
}
