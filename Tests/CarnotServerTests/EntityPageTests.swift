import CarnotRegistry
import CarnotServer
import Foundation
import HummingbirdTesting
import Testing

/// The HTML page of an entity, `/entities/{id}`, read over real HTTP: its history comes from the entity
/// index a page at a time, and says the same as the whole log does.
@Suite struct EntityPageTests {
    /// One row of the page's history table.
    struct Row: Equatable, CustomStringConvertible {
        let seq: Int64
        let status: String
        var description: String { "\(seq) \(status)" }
    }

    /// The rows of the history table, in the order shown (the explanation's rows link events differently).
    static func rows(_ html: String) -> [Row] {
        let row = /<tr><td><a href="\/events\/(\d+)">\d+<\/a><\/td>(?:<td>[^<]*<\/td>){4}<td>([^<]*)<\/td><\/tr>/
        return html.matches(of: row).map { Row(seq: Int64($0.output.1)!, status: String($0.output.2)) }
    }

    /// What the page listed before it read the index: every event naming the entity, from the whole log,
    /// with its confidence unless confirmed, or the correction that decides it.
    static func wholeLogRows(_ id: String, in database: String) throws -> [Row] {
        let events = try EventStore(path: database).events()
        let deciding = Timeline.corrections(in: events, upto: .max)
        return events.filter { $0.event.entities.contains(EntityID(id)!) }.map { event in
            var status = event.confidence == .confirmed ? "" : event.confidence.rawValue
            if let by = deciding[event.seq] {
                status = (by.event.typeName == "event.retracted" ? "retracted by " : "corrected by ") + String(by.seq)
            }
            return Row(seq: event.seq, status: status)
        }
    }

    /// The positions `GET /api/entities/{id}/history` lists, in order.
    static func apiPositions(_ id: String, _ client: some TestClientProtocol) async throws -> [Int64] {
        try await client.call("/api/entities/\(id)/history").text.split(separator: "\n").map { line in
            guard case .integer(let seq)? = try JSONParser.parse(Array(line.utf8))["seq"] else { throw CancellationError() }
            return seq
        }
    }

    @Test(arguments: ["tsn", "cea-list", "philippe-veron", "mines", "imt-atlantique"])
    func aSmallHistoryIsListedWholeAsTheWholeLogListsIt(id: String) async throws {
        let server = try TestServer.make()
        let expected = try Self.wholeLogRows(id, in: server.database)
        try await server.run { client in
            let page = try await client.call("/entities/\(id)?at=2020-02-07")
            #expect(page.status == .ok)
            #expect(Self.rows(page.text) == expected)
            #expect(Self.rows(page.text).map(\.seq) == (try await Self.apiPositions(id, client)))
            #expect(page.text.contains("<h2>History</h2>"))
            #expect(!page.text.contains("Earlier events"))
            #expect(!page.text.contains("/api/entities/\(id)/history"))
        }
        #expect(!expected.isEmpty)
    }

    @Test func aCallsPageListsTheLabelsGrantedInItAsTheAPIDoes() async throws {
        let server = try TestServer.make()
        try await server.run { client in
            let rows = Self.rows(try await client.call("/entities/carnot-4").text)
            #expect(rows.map(\.seq) == (try await Self.apiPositions("carnot-4", client)))
            // Granted to mers in carnot-4: the grant names the call it was granted in.
            #expect(rows.contains(Row(seq: 193, status: "")))
            #expect(rows.first == Row(seq: 190, status: ""))
        }
    }

    @Test func theBundledTSNPageNamesItsEventsAndTheirStatus() async throws {
        let server = try TestServer.make()
        try await server.run { client in
            let page = try await client.call("/entities/tsn?at=2020-02-07").text
            let rows = Self.rows(page)
            #expect(rows.count == 19)
            #expect(rows.first == Row(seq: 5, status: ""))
            #expect(rows.contains(Row(seq: 166, status: "uncertain")))
            #expect(rows.last == Row(seq: 211, status: "probable"))
            #expect(page.contains("institute tsn renamed &quot;Télécom &amp; Société Numérique&quot;")
                    || page.contains("institute tsn renamed \"Télécom &amp; Société Numérique\""))
            let corrected = try await client.call("/entities/cea-list").text
            #expect(Self.rows(corrected).contains(Row(seq: 89, status: "corrected by 220")))
            let unknown = try await client.call("/entities/nobody-at-all")
            #expect(unknown.status == .notFound)
        }
    }

    @Test func aLongHistoryShowsTheNewestPageAndLinksToEarlierEvents() async throws {
        let server = try TestServer.make()
        let store = try EventStore(path: server.database)
        let renames = try (1...130).map { number in
            EventDraft(.instituteRenamed(institute: EntityID("tsn")!, name: "Télécom SN \(number)"),
                       effective: try PartialDate(parsing: "2021-01-01"), source: "entity page test")
        }
        _ = try store.append(renames)
        let head = try server.head().seq
        let whole = try Self.wholeLogRows("tsn", in: server.database)
        #expect(whole.count == 149)
        try await server.run { client in
            let newest = try await client.call("/entities/tsn?at=2020-02-07").text
            let first = Self.rows(newest)
            // The newest 100, in log order: the last row is the head, the first the 100th from the end.
            #expect(first == Array(whole.suffix(100)))
            #expect(first.last?.seq == head)
            #expect(newest.contains("Télécom SN 130"))
            let earlierLink = "/entities/tsn?at=2020-02-07&amp;before=\(first[0].seq)"
            #expect(newest.contains("<a href=\"\(earlierLink)\">Earlier events</a>"))
            #expect(newest.contains("<a href=\"/api/entities/tsn/history\">NDJSON</a>"))
            #expect(!newest.contains("Newest events"))

            let earlier = try await client.call("/entities/tsn?at=2020-02-07&before=\(first[0].seq)").text
            #expect(Self.rows(earlier) == Array(whole.prefix(49)))
            #expect(!earlier.contains("Earlier events"))
            #expect(earlier.contains("<a href=\"/entities/tsn?at=2020-02-07\">Newest events</a>"))
            // The explanation is of the day asked, whichever page of the history is shown.
            #expect(earlier.contains("<h2>On 2020-02-07</h2>"))

            let refused = try await client.call("/entities/tsn?before=0")
            #expect(refused.status == .badRequest)
        }
    }
    @Test func aPageOfAnIndexNamingAnEventTheLogLacksIsAStoreFailure() async throws {
        let server = try TestServer.make()
        let forger = try SQLiteConnection(path: server.database)
        try forger.execute("INSERT INTO entity_events (entity, effective, seq, writes) VALUES ('tsn', 0, 999999, 0)")
        try await server.run { client in
            let newest = try await client.call("/entities/tsn")
            #expect(newest.status == .internalServerError)
            #expect(newest.text.contains("carnot verify"))
            // A page that ends before the forged position does not reach it.
            let earlier = try await client.call("/entities/tsn?before=100")
            #expect(earlier.status == .ok)
            #expect(Self.rows(earlier.text).map(\.seq) == [5, 9, 22, 23, 24, 25, 26, 74, 75, 81, 82, 83, 84, 85])
        }
    }
}
