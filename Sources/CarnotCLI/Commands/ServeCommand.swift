import ArgumentParser
import CarnotRegistry
import CarnotServer
import Dispatch
import Foundation
import Logging

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the registry over HTTP: the JSON API, a live feed and web pages.",
        discussion: """
        Reads are open to anyone unless --require-token; recording a decision (POST /api/decisions) needs a \
        recorder's token (`carnot token add NAME --role recorder`). The API is described at /openapi.json. \
        SIGINT or SIGTERM stops the server after the requests in flight; every acknowledged write is on disk. \
        `carnot serve` alone serves the bundled history on http://127.0.0.1:8080/; --port 0 takes a free port \
        and prints it. With --read-only it serves an existing store to read only: every write is refused \
        (403, "read-only"), and SQLite itself refuses to write the file.

        Examples:
          carnot serve --check
          carnot serve --read-only --check
        """)

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "host")) var host = "127.0.0.1"
    @Option(help: ArgumentHelp("The port (0 for a free one).", valueName: "port")) var port = 8080
    @Option(help: ArgumentHelp("The token file (`carnot token add`).", valueName: "file")) var tokens = ".carnot/tokens.json"
    @Flag(help: "Require a token to read, too.") var requireToken = false
    @Flag(help: "Open the store and read the token file, print what would be served, and exit.") var check = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port \(port): a port from 0 to 65535") }
    }

    func run() throws {
        Self.blockStopSignals()
        // --read-only serves an existing store to read (a copy for the public, an auditor's): SQLite itself
        // refuses every write, and the write API answers 403 "read-only".
        let access: StoreAccess = store.readOnly ? .readOnly : .write
        _ = try store.readOnly ? store.openForReading() : store.openForWriting()
        let registry = try CommandFailure.guarding { () throws(StoreError) in try RegistryStore(path: store.db, access: access) }
        let settings = ServerSettings(host: host, port: port, tokensPath: tokens, requireToken: requireToken,
                                      snapshotsFolder: BundledHistory.snapshotsFolder())
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        if check {
            let tokenCount: Int
            do { tokenCount = try TokenFile(path: tokens).entries().count } catch { throw CommandFailure(message: error.description, code: 64) }
            let head = try CommandFailure.guarding { () throws(StoreError) in try EventStore(path: store.db, access: access).head() }
            Console.out("carnot: would serve \(store.db) (head \(head.seq)) on http://\(host):\(port)/ with \(tokenCount) token(s) from \(tokens)")
            return
        }
        let db = store.db, host = host
        let app = buildApplication(store: registry, settings: settings) { port in
            Console.out("carnot: serving \(db)\(access == .readOnly ? " read-only" : "") on http://\(host):\(port)/ (API at /openapi.json)")
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await app.runService() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw CommandFailure(message: "serve: \(error)", code: 1) }
    }
}

extension ServeCommand {
    /// Blocks SIGINT and SIGTERM in this thread before any other thread exists, so every thread inherits the
    /// mask and none can take the default action (ending the process mid-request) whichever thread the
    /// kernel picks: the signals reach only the graceful-shutdown handler of the server's service group.
    static func blockStopSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}

/// The server task's error, handed back to the blocked main thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    func set(_ error: Error) { lock.withLock { stored = error } }
    var error: Error? { lock.withLock { stored } }
}
