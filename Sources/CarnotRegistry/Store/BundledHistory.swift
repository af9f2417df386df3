import Foundation

/// The history published with the registry in the repository's `Events/` folder.
public enum BundledHistory {
    /// The `Events/` folder: `$CARNOT_EVENTS` when set, else the one beside these sources (a checkout run
    /// with `swift run`), else `./Events`. Nil when none holds a log.
    public static func folder() -> String? {
        var candidates: [String] = []
        if let configured = ProcessInfo.processInfo.environment["CARNOT_EVENTS"] { candidates.append(configured) }
        // #filePath is Sources/CarnotRegistry/Store/BundledHistory.swift inside the checkout.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(checkout.appendingPathComponent("Events").path)
        candidates.append(FileManager.default.currentDirectoryPath + "/Events")
        return candidates.first { path in
            ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).contains { $0.hasSuffix(".ndjson") }
        }
    }
}
