import Foundation

/// Runs child processes with `posix_spawn` and `waitpid`: the `carnot` executable for the process-start
/// figure, this one for peak memory. Not Foundation's `Process`, whose wait adds tens of milliseconds of
/// run-loop latency here, more than the process being timed.
enum Subprocess {
    /// Runs `executable` with `arguments` to completion; returns its standard output.
    /// - Throws: when it cannot start or exits non-zero.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        var pipe: [Int32] = [0, 0]
        guard Foundation.pipe(&pipe) == 0 else { throw BenchError("pipe: \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(pipe[1])
        guard code == 0 else {
            close(pipe[0])
            throw BenchError("cannot start \(executable): \(String(cString: strerror(code)))")
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count <= 0 { break }
            output += buffer[0..<count]
        }
        close(pipe[0])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard status == 0 else {
            throw BenchError("\(executable) \(arguments.joined(separator: " ")) failed (wait status \(status))")
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The path of `name` in the folder of `executable` (the build folder both products are in), or
    /// `executable` itself when `name` is nil.
    static func sibling(_ executable: String, _ name: String? = nil) -> String {
        let resolved = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        guard let name else { return resolved.path }
        return resolved.deletingLastPathComponent().appendingPathComponent(name).path
    }
}
