import ArgumentParser
import Foundation

/// `carnot-bench measure-child -- EXECUTABLE ARGS...`: runs a command and prints its wall time, its peak
/// resident memory and this wrapper's own, then the child's wait status (one line, read by `ChildRun`).
///
/// The peak comes from `wait4`'s `ru_maxrss`, which on Linux keeps, across `exec`, the high-water mark of
/// the memory the child started from. `posix_spawn` starts a child in its parent's memory, so a child of
/// the benchmark itself would report the benchmark's peak; a child of this small wrapper reports at least
/// the wrapper's own (printed beside it as the floor), which is far below any carnot command's.
struct MeasureChild: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "measure-child", shouldDisplay: false)

    @Option(help: "Kill the child after this many seconds (0: never).") var timeout: Double = 0
    @Option(help: "Where the child's standard output goes.") var stdout = "/dev/null"
    @Option(help: "Where the child's standard error goes.") var stderr = "/dev/null"
    @Argument(parsing: .captureForPassthrough) var command: [String]

    func run() throws {
        let arguments = command.first == "--" ? Array(command.dropFirst()) : command
        guard let executable = arguments.first else { throw ValidationError("no command to run") }
        let floor = PeakMemory.ofSelf()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = Stopwatch.now()
        let code = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard code == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(code)))") }
        if timeout > 0 {
            let child = pid
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { kill(child, SIGKILL) }
        }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw BenchError("wait4: \(String(cString: strerror(errno)))") }
        let seconds = Stopwatch.now() - start
        print("\(seconds) \(usage.ru_maxrss) \(floor) \(status)")
    }
}
