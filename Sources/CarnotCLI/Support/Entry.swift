import ArgumentParser
import Foundation

extension CarnotCommand {
    /// Parses `arguments` and runs the command, exiting with the documented codes: kept apart from
    /// `main.swift` so the program can be driven without a process.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let failure as CommandFailure {
            Console.error("error: \(failure.message)")
            Foundation.exit(failure.code)
        } catch {
            exit(withError: error)
        }
    }
}
