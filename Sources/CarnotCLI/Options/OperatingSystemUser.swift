import Foundation

/// Who is running carnot, as the operating system knows them: the default `recordedBy` of a decision.
enum OperatingSystemUser {
    static var name: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, let text = String(validatingCString: name),
           !text.isEmpty {
            return text
        }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }
}
