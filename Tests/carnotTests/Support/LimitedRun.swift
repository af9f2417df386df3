import Foundation

/// Runs `carnot` under a memory limit (`ulimit -v`, in KiB), as a user would from a shell.
struct LimitedRun {
    struct Result {
        let status: Int32
        /// True when the process ended by a signal (an abort, a crash) rather than by exiting.
        let signaled: Bool
        let stderr: String
    }

    /// Runs the built binary with `arguments` under `ulimit -v kib`, in `folder`.
    static func run(_ arguments: [String], limitKiB kib: UInt64, in folder: URL) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(kib) && exec \"$0\" \"$@\"", CLI.binary.path] + arguments
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The smallest limit, in KiB, with which `carnot` starts a command, as its own refusal names it.
    ///
    /// The address space of the loaded program differs between builds (debug or release) and machines, so
    /// it is measured rather than written down: the lowest limit at which the dynamic loader still maps the
    /// libraries is found by bisection (about 13 runs of `carnot --version`), and there, below the room a
    /// command needs, carnot refuses with "needs at least N KB".
    static let minimumKiB: Swift.Result<UInt64, MeasureError> = {
        let folder = FileManager.default.temporaryDirectory
        var low: UInt64 = 8_192, high: UInt64 = 4 << 20
        var refusal = ""
        while high - low > 128 {
            let middle = (low + high) / 2
            guard let result = try? run(["--version"], limitKiB: middle, in: folder) else { return .failure(MeasureError(description: "cannot run \(CLI.binary.path)")) }
            let loaded = result.status != 127 && !result.stderr.contains("error while loading shared libraries") && !result.signaled
            if loaded { high = middle; refusal = result.stderr } else { low = middle }
        }
        guard let range = refusal.range(of: "needs at least "),
              let kib = UInt64(refusal[range.upperBound...].prefix { $0.isNumber }) else {
            return .failure(MeasureError(description: "no refusal met at \(high) KB (stderr: \(refusal))"))
        }
        return .success(kib)
    }()

    /// Why the minimum could not be measured.
    struct MeasureError: Error, CustomStringConvertible {
        let description: String
    }
}
