import Foundation
import Testing

/// The README's walk-through, run line by line as a user pastes it.
@Suite struct ReadmeWalkthroughTests {
    /// The command lines of the first shell block after the walk-through heading, continuation lines joined.
    static func walkthrough() throws -> [String] {
        let readme = try String(contentsOf: Scratch.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Walk-through"))
        let open = try #require(readme.range(of: "```sh\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        return readme[open.upperBound..<close.lowerBound].replacingOccurrences(of: "\\\n", with: " ")
            .split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.hasPrefix("export DB") && !$0.hasPrefix("swift build") }
    }

    @Test func theWalkthroughRunsAndUsesFindCorrectAndDryRun() throws {
        let lines = try Self.walkthrough()
        #expect(lines.contains { $0.hasPrefix("carnot find ") })
        #expect(lines.contains { $0.hasPrefix("carnot correct ") && $0.contains("--dry-run") })
        #expect(lines.contains { $0.hasPrefix("carnot grant ") && $0.contains("--dry-run") })
        let scratch = try Scratch()
        let db = scratch.folder.appendingPathComponent("demo.sqlite").path
        var outputs: [String: String] = [:]
        for line in lines {
            let result = try scratch.shell(line, environment: ["DB": db])
            #expect(result.status == 0, "\(line)\nexit \(result.status): \(result.stderr)")
            outputs[line] = result.stdout
        }
        let history = try #require(outputs.first { $0.key.hasPrefix("carnot history MERS") }?.value)
        #expect(history.contains("corrected by 5"))
        let show = try #require(outputs.first { $0.key.hasPrefix("carnot show MERS") }?.value)
        #expect(show.contains("until: 2025-06-30"))
    }
}
