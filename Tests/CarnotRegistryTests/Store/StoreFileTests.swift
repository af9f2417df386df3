import Foundation
import Testing
@testable import CarnotRegistry

struct StoreFileTests {
    @Test func aNewStoreFileIsReadableAndWritableByItsOwnerOnly() throws {
        try Fixture.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("nested/registry.sqlite").path
            let store = try EventStore(path: path)
            try store.append([Draft.registerPerson("p", "P", on: "2020")])
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
    }
}
