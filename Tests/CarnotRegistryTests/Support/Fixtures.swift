import Foundation
@testable import CarnotRegistry

/// Stores for tests: each test opens its own, in memory or in a temporary folder it removes afterwards.
enum Fixture {
    /// A fresh in-memory store recording with `environment`.
    static func store(_ environment: FixedEnvironment = FixedEnvironment()) throws -> EventStore {
        try EventStore(path: ":memory:", environment: environment)
    }

    /// Runs `body` with a fresh folder under the temporary directory, removed when `body` returns.
    static func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("carnot-registry-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Runs `body` with a store in a file of a fresh temporary folder, and the file's path for raw access.
    static func withFileStore<T>(_ environment: FixedEnvironment = FixedEnvironment(),
                                 _ body: (EventStore, String) throws -> T) throws -> T {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            let store = try EventStore(path: path, environment: environment)
            return try body(store, path)
        }
    }
}

extension EventStore {
    /// Appends each draft as a decision of its own, in order; returns the head after the last.
    @discardableResult
    func record(_ drafts: EventDraft...) throws -> LogHead {
        for draft in drafts { try append([draft]) }
        return try head()
    }

    /// Opens each call and registers each institute (named "Carnot <ID>"), one decision each, on `effective`.
    @discardableResult
    func seed(calls: [String] = [], institutes: [String] = [], on effective: String = "2006-01-01") throws -> LogHead {
        for call in calls {
            try append([Draft.openCall(call, "Call \(call)", on: effective)])
        }
        for institute in institutes {
            try append([Draft.registerInstitute(institute, "Carnot \(institute.uppercased())", on: effective)])
        }
        return try head()
    }

    /// The state on `text`'s day as everything recorded knows it.
    func state(at text: String, knownAt: KnownAt = .everything) throws -> RegistryState {
        try state(at: day(text), knownAt: knownAt)
    }
}

/// SQLite's extended result code for a write refused by `RAISE(ABORT, ...)` in a trigger
/// (sqlite.org/rescode.html: SQLITE_CONSTRAINT_TRIGGER = SQLITE_CONSTRAINT | 7 << 8).
let constraintTriggerCode: Int32 = 19 | (7 << 8)
