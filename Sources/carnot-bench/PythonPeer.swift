import Foundation

/// The Python `eventsourcing` library on the same append workload, in a virtual environment the benchmark
/// makes (once) in its work folder. Nil, with the reason logged, when Python, `venv` or `pip` cannot
/// provide it: the rest of the run does not depend on it.
struct PythonPeer {
    /// The version installed: the one the figure was measured with, pinned so runs compare.
    static let requirement = "eventsourcing==9.5.6"

    let python: String
    let folder: String

    struct Timings {
        let version: String
        let pythonVersion: String
        let synchronous: Int
        let batchedSeconds: Double
        let singlesSeconds: Double
    }

    /// Makes (or reuses) `folder/python-venv` with the library installed.
    static func prepare(folder: String, log: (String) -> Void) -> PythonPeer? {
        let venv = "\(folder)/python-venv"
        let python = "\(venv)/bin/python"
        do {
            if (try? Subprocess.run(python, ["-c", "import eventsourcing"])) == nil {
                log("python peer: creating \(venv) and installing \(requirement) with pip")
                try? FileManager.default.removeItem(atPath: venv)
                guard let system = Self.onPath("python3") ?? ["/usr/bin/python3"].first(where: FileManager.default.isExecutableFile) else {
                    throw BenchError("python3 is not installed")
                }
                try Subprocess.run(system, ["-m", "venv", venv])
                try Subprocess.run(python, ["-m", "pip", "install", "--quiet", requirement])
            }
            let script = "\(folder)/eventsourcing_peer.py"
            try PythonPeerScript.source.write(toFile: script, atomically: true, encoding: .utf8)
            return PythonPeer(python: python, folder: folder)
        } catch {
            log("python peer SKIPPED: cannot install \(requirement) in a virtual environment (\(error)); the table has no Python rows")
            return nil
        }
    }

    /// Runs the workload on a log of `fill` events; returns its timings.
    func run(fill: Int, batched: Int, batch: Int, singles: Int, aggregates: Int) throws -> Timings {
        let arguments = ["\(folder)/eventsourcing_peer.py", "\(folder)/eventsourcing-peer.sqlite", String(fill), String(batched),
                         String(batch), String(singles), String(aggregates)]
        let output = try Subprocess.run(python, arguments)
        guard let line = output.split(separator: "\n").last,
              let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let version = object["version"] as? String, let pythonVersion = object["python"] as? String,
              let synchronous = object["synchronous"] as? Int,
              let batchedSeconds = object["batched_seconds"] as? Double, let singlesSeconds = object["singles_seconds"] as? Double
        else { throw BenchError("the python peer printed no figures: \(output)") }
        return Timings(version: version, pythonVersion: pythonVersion, synchronous: synchronous,
                       batchedSeconds: batchedSeconds, singlesSeconds: singlesSeconds)
    }

    private static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(name)" }.first(where: FileManager.default.isExecutableFile)
    }
}
