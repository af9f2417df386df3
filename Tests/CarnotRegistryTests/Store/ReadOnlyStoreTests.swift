import Testing
@testable import CarnotRegistry

/// A store opened read-only answers queries and refuses every write.
struct ReadOnlyStoreTests {
    @Test func aReadOnlyStoreAnswersQueriesAndRefusesAppendsAndImports() throws {
        try Fixture.withFileStore { writer, path in
            let head = try writer.recordHistory()
            let reader = try EventStore(path: path, readOnly: true)

            #expect(try reader.head() == head)
            #expect(try reader.state(at: "2017-01-01") == writer.state(at: "2017-01-01"))
            #expect(try reader.verify(expectedHead: head).isValid)
            let append = #expect(throws: StoreError.self) {
                try reader.append([Draft.registerInstitute("ingenierie", "Carnot Ingénierie", on: "2012")])
            }
            let importing = #expect(throws: StoreError.self) { try reader.importLog([]) }
            guard case .readOnly? = append, case .readOnly? = importing else {
                Issue.record("expected read-only refusals, got \(String(describing: append)), \(String(describing: importing))")
                return
            }
            #expect(try writer.head() == head)
        }
    }
}
