import Foundation

/// The history published with the registry in the repository's `Events/` folder.
public enum BundledHistory {
    /// The `Events/` folder: `$CARNOT_EVENTS` when set (and then only it), else the one beside these
    /// sources (a checkout run with `swift run`), else `./Events`. Nil when none holds a log.
    public static func folder() -> String? { locate("Events", variable: "CARNOT_EVENTS", holding: ".ndjson") }

    /// The `Snapshots/` folder published beside it, found the same way (`$CARNOT_SNAPSHOTS` first).
    public static func snapshotsFolder() -> String? { locate("Snapshots", variable: "CARNOT_SNAPSHOTS", holding: ".json") }

    private static func locate(_ name: String, variable: String, holding suffix: String) -> String? {
        func holdsLog(_ path: String) -> Bool {
            ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).contains { $0.hasSuffix(suffix) }
        }
        if let configured = ProcessInfo.processInfo.environment[variable] { return holdsLog(configured) ? configured : nil }
        var candidates: [String] = []
        // #filePath is Sources/CarnotRegistry/Store/BundledHistory.swift inside the checkout.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(checkout.appendingPathComponent(name).path)
        candidates.append(FileManager.default.currentDirectoryPath + "/" + name)
        return candidates.first(where: holdsLog)
    }
}
