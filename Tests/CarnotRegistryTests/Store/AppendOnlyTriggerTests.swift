import Testing
@testable import CarnotRegistry

/// The log is append-only in the database itself, not only in the API: a second connection on the file,
/// as any SQLite client would open it, cannot rewrite, remove or splice events.
struct AppendOnlyTriggerTests {
    @Test(arguments: [
        "UPDATE events SET body = 'x'",
        "UPDATE events SET effective = effective + 1 WHERE seq = 2",
        "DELETE FROM events",
        "DELETE FROM events WHERE seq = 3",
        "UPDATE idempotency SET digest = 'x'",
        "DELETE FROM idempotency",
    ])
    func theDatabaseRefusesToRewriteOrRemoveWhatWasAppended(_ sql: String) throws {
        try Fixture.withFileStore { store, path in
            try store.seed(calls: ["carnot-1"], institutes: ["tsn"])
            try store.append([Draft.grant("tsn", in: "carnot-1", from: "2006-04-01", until: "2011-04-28")],
                             idempotencyKey: "grant-tsn")
            let head = try store.head()
            let raw = try SQLiteConnection(path: path)

            let error = #expect(throws: SQLiteError.self) { try raw.execute(sql) }

            #expect(error?.isConstraint == true)
            #expect(error?.extendedCode == constraintTriggerCode)
            #expect(error?.message.contains("append-only") == true)
            #expect(try store.head() == head)
            #expect(try store.events().count == 3)
            #expect(try store.verify().isValid)
        }
    }

    @Test func theDatabaseRefusesAnInsertThatSkipsAPosition() throws {
        try Fixture.withFileStore { store, path in
            let head = try store.seed(calls: ["carnot-1"], institutes: ["tsn"])
            let raw = try SQLiteConnection(path: path)

            let error = #expect(throws: SQLiteError.self) {
                try Self.insert(into: raw, seq: head.seq + 2, prev: head.hash)
            }

            #expect(error?.extendedCode == constraintTriggerCode)
            #expect(try store.head() == head)
            #expect(try store.verify().isValid)
        }
    }

    @Test func theDatabaseRefusesAnInsertThatDoesNotChainToTheHead() throws {
        try Fixture.withFileStore { store, path in
            let head = try store.seed(calls: ["carnot-1"], institutes: ["tsn"])
            let first = try #require(try store.events(from: 1, through: 1).first)
            let raw = try SQLiteConnection(path: path)

            let error = #expect(throws: SQLiteError.self) {
                try Self.insert(into: raw, seq: head.seq + 1, prev: first.hash)
            }

            #expect(error?.extendedCode == constraintTriggerCode)
            #expect(try store.head() == head)
            #expect(try store.verify().isValid)
        }
    }

    /// The trigger only guards position and chain; a forged row that gets both right is caught by `verify`.
    @Test func aForgedRowThatChainsCorrectlyPassesTheTriggerButFailsVerification() throws {
        try Fixture.withFileStore { store, path in
            let head = try store.seed(calls: ["carnot-1"], institutes: ["tsn"])
            let raw = try SQLiteConnection(path: path)

            try Self.insert(into: raw, seq: head.seq + 1, prev: head.hash)

            let report = try store.verify()
            #expect(report.failure?.seq == head.seq + 1)
            #expect(report.verifiedHead == head)
        }
    }

    private static func insert(into raw: SQLiteConnection, seq: Int64, prev: String) throws {
        try raw.statement("""
            INSERT INTO events (seq, id, type, effective, recorded, body, prev, hash)
            VALUES (?1, ?2, 'institute.registered', 0, 0, '{}', ?3, ?4)
            """).execute([.integer(seq), .text("forged-\(seq)"), .text(prev), .text(String(repeating: "f", count: 64))])
    }
}
