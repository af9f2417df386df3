import Foundation

/// Runs child processes: the `carnot` executable for the process-start figure, this one for peak memory.
enum Subprocess {
    /// Runs `executable` with `arguments` to completion; returns its standard output.
    /// - Throws: when it cannot start or exits non-zero.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The path of `name` in the folder of `executable` (the build folder both products are in), or
    /// `executable` itself when `name` is nil.
    static func sibling(_ executable: String, _ name: String? = nil) -> String {
        let resolved = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        guard let name else { return resolved.path }
        return resolved.deletingLastPathComponent().appendingPathComponent(name).path
    }
}
