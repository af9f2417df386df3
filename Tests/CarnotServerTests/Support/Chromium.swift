import Foundation

/// Headless Chromium (Debian's `chromium`), run as a person's browser would load a page.
enum Chromium {
    /// The browser, or nil (with the reason printed by the caller) when it is not installed.
    static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Where screenshots go: `.build/screenshots/` of the checkout (not committed).
    static var screenshots: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent(".build/screenshots").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func arguments(_ extra: [String]) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
         "--user-data-dir=\(NSTemporaryDirectory())chromium-\(UUID().uuidString)"] + extra
    }

    /// The DOM after the page loaded (no JavaScript is needed by the pages).
    static func dom(_ url: String) async throws -> String {
        try await run(arguments(["--dump-dom", url]))
    }

    /// Saves a screenshot of `url` at `width` x `height` CSS pixels to `file`.
    static func screenshot(_ url: String, to file: String, width: Int, height: Int) async throws {
        _ = try await run(arguments(["--screenshot=\(file)", "--window-size=\(width),\(height)", url]))
    }

    /// Runs the browser without blocking a thread of the cooperative pool (the server answers on it).
    private static func run(_ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let handle = UncheckedHandle(handle: output.fileHandleForReading)
        let reader = Task.detached { handle.handle.readDataToEndOfFile() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return String(decoding: await reader.value, as: UTF8.self)
    }
}

/// The read end of the browser's output, handed to the task that drains it (only that task uses it).
private struct UncheckedHandle: @unchecked Sendable {
    let handle: FileHandle
}
