import Foundation

/// Peak resident memory, measured in a child process so that nothing the benchmark itself holds counts.
enum PeakMemory {
    /// This process's peak resident set size so far, in kilobytes (Linux reports `ru_maxrss` in KB).
    static func ofSelf() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
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
