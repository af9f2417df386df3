import Foundation

/// Peak resident memory, measured in a child process so that nothing the benchmark itself holds counts.
enum PeakMemory {
    /// This process's peak resident set size so far, in kilobytes: `VmHWM` of /proc/self/status. Not
    /// `getrusage`, whose `ru_maxrss` survives `exec` and so reports the parent's peak in a child.
    static func ofSelf() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ")[1]) ?? 0
        }
        return 0
    }

    /// Runs this executable with `arguments` (a hidden mode that prints its own peak in KB on its last line)
    /// and returns that peak.
    static func ofChild(_ arguments: [String]) throws -> Int {
        let output = try Subprocess.run(Subprocess.sibling(CommandLine.arguments[0]), arguments)
        guard let kilobytes = output.split(separator: "\n").last.flatMap({ Int($0) }) else {
            throw BenchError("\(arguments[0]) printed no peak: \(output)")
        }
        return kilobytes
    }
}
