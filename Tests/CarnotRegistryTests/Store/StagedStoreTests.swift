import Foundation
import Testing
@testable import CarnotRegistry

/// A new store built under a private name (`StagedStore`) is linked into place only when whole, never over
/// a store another process created meanwhile.
struct StagedStoreTests {
    static let log = (BundledHistoryTests.events as NSString).appendingPathComponent("recorded-2026.ndjson")

    @Test func theBuiltStoreIsTheImportedLogInWALAndTheFolderHoldsNothingElse() throws {
        try Fixture.withTemporaryFolder { (folder: URL) throws in
            let path = folder.appendingPathComponent("new.sqlite").path
            let entries = try LogFile.read(Self.log)
            let result = try StagedStore.build(at: path) { store, staging throws(StoreError) in
                #expect(staging.hasPrefix(path + StagedStore.infix))
                #expect(!FileManager.default.fileExists(atPath: path))
                return try store.importLog(entries)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["new.sqlite"])
            let store = try EventStore(path: path, access: .read)
            #expect(try store.connection.statement("PRAGMA journal_mode").first([], { $0.text(0) }) == "wal")
            #expect(try store.head() == result.head)
            #expect(try store.verify().isValid)
        }
    }

    @Test func aStoreCreatedMeanwhileIsKeptAndTheBuildRefused() throws {
        try Fixture.withTemporaryFolder { (folder: URL) throws in
            let path = folder.appendingPathComponent("new.sqlite").path
            let entries = try LogFile.read(Self.log)
            #expect(throws: StoreError.self) {
                try StagedStore.build(at: path) { store, _ throws(StoreError) in
                    _ = try store.importLog(entries)
                    _ = FileManager.default.createFile(atPath: path, contents: Data("theirs".utf8))
                }
            }
            #expect(FileManager.default.contents(atPath: path) == Data("theirs".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["new.sqlite"])
        }
    }

    @Test func aRefusedBuildLeavesNoFile() throws {
        try Fixture.withTemporaryFolder { (folder: URL) throws in
            let path = folder.appendingPathComponent("new.sqlite").path
            #expect(throws: StoreError.self) {
                _ = try StagedStore.build(at: path) { (_: EventStore, _: String) throws(StoreError) -> Int in throw StoreError.integrity("refused") }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }
}
