import Foundation

/// One run of a command in a child process, measured whole: wall time from spawn to exit, and peak
/// resident memory (`VmHWM` at exit, through `MeasureChild`).
struct ChildRun {
    let seconds: Double
    /// The child's peak resident memory, in KB.
    let peak: Int
    /// The wrapper's own peak, in KB: the child's figure cannot be below it.
    let floor: Int
    /// True when the child was killed at the timeout: `seconds` is then a lower bound.
    let timedOut: Bool

    /// Runs `executable` with `arguments` under `measure-child`.
    /// - Parameters:
    ///   - timeout: seconds after which the child is killed (nil: never).
    ///   - errors: a file for the child's standard error, quoted when it fails.
    ///   - output: a file for its standard output (nil: discarded).
    /// - Throws: when it cannot start, or exits non-zero without having been killed at the timeout.
    static func measure(_ executable: String, _ arguments: [String], timeout: Double? = nil, errors: String,
                        output file: String = "/dev/null") throws -> ChildRun {
        let wrapper = ["measure-child", "--timeout", String(timeout ?? 0), "--stdout", file, "--stderr", errors, "--", executable]
            + arguments
        let output = try Subprocess.run(Subprocess.sibling(CommandLine.arguments[0]), wrapper)
        let fields = output.split(separator: "\n").last?.split(separator: " ") ?? []
        guard fields.count == 4, let seconds = Double(fields[0]), let peak = Int(fields[1]), let floor = Int(fields[2]),
              let status = Int32(fields[3]) else {
            throw BenchError("measure-child printed no figures: \(output)")
        }
        let signal = status & 0x7F
        let killed = timeout != nil && signal == SIGKILL
        guard status == 0 || killed else {
            let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            let reason = signal != 0 ? "killed by signal \(signal)" : "exit \((status >> 8) & 0xFF)"
            throw BenchError("\(([executable] + arguments).joined(separator: " ")) failed (\(reason)): \(message.suffix(2_000))")
        }
        return ChildRun(seconds: seconds, peak: peak, floor: floor, timedOut: killed)
    }
}
