import Foundation
import Testing
@testable import CarnotRegistry

/// The history published in `Events/` and the checkpoints in `Snapshots/`, checked through the public API.
struct BundledHistoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let events = root.appendingPathComponent("Events").path
    static let snapshots = root.appendingPathComponent("Snapshots").path
    static let day2020 = Day(year: 2020, month: 2, day: 7)!

    static func store() throws -> EventStore {
        let store = try EventStore(path: ":memory:")
        _ = try store.importLog(try LogFile.read(events))
        return store
    }

    @Test func theBundledLogReplaysAndMatchesEverySnapshot() throws {
        let report = try Auditor.audit(events: Self.events, snapshots: Self.snapshots)
        #expect(report.verdicts.count >= 9)
        for verdict in report.verdicts {
            #expect(verdict.matches, "\(verdict.file): \(verdict.problem ?? "") \(verdict.differences.prefix(3))")
        }
        #expect(report.passed)
    }

    @Test func exportingTheImportedHistoryReproducesEventsByteForByte() throws {
        let store = try Self.store()
        try Fixture.withTemporaryFolder { folder in
            let written = try LogFile.write(try store.events(), to: folder.path)
            let published = try LogFile.files(at: Self.events)
            #expect(written.map { ($0 as NSString).lastPathComponent } == published.map { ($0 as NSString).lastPathComponent })
            for (mine, theirs) in zip(written, published) {
                #expect(FileManager.default.contents(atPath: mine) == FileManager.default.contents(atPath: theirs))
            }
        }
        #expect(try store.importLog(try LogFile.read(Self.events)).appended == 0)
    }

    @Test func theSchoolsBehindCarnotTSNAndMINESOn7February2020AreThoseOfTheIMTPressRelease() throws {
        let state = try Self.store().state(at: Self.day2020)
        func schools(_ institute: String, parent: String) -> [String: AffiliationRole] {
            Dictionary(uniqueKeysWithValues: state.schools(of: EntityID(institute)!)
                .filter { $0.school.parent == parent }.map { ($0.school.name, $0.role) })
        }
        #expect(schools("tsn", parent: "Institut Mines-Télécom") == [
            "IMT Atlantique": .member, "Institut Mines-Télécom Business School": .member, "Télécom Paris": .member,
            "Télécom SudParis": .member, "Eurecom": .subsidiary,
        ])
        let mines = Dictionary(uniqueKeysWithValues: state.schools(of: EntityID("mines")!).map { ($0.school.name, $0.role) })
        #expect(mines == [
            "IMT Atlantique": .member, "IMT Lille Douai": .member, "IMT Mines Albi": .member, "IMT Mines Alès": .member,
            "Mines Saint-Étienne": .member, "MINES ParisTech": .strategicPartner,
        ])
        #expect(state.institutes[EntityID("tsn")!]?.label(on: Self.day2020)?.call == EntityID("carnot-4"))
        #expect(state.institutes[EntityID("mines")!]?.label(on: Self.day2020)?.call == EntityID("carnot-4"))
    }

    @Test func theBureauOfDocument004HoldsItsSixMembersIn2016() throws {
        let state = try Self.store().state(at: Day(year: 2016, month: 12, day: 31)!)
        let bureau = state.holders(of: .bureauMember).map { "\(state.people[$0.person]!.name) (\($0.representing!.rawValue))" }
        #expect(Set(bureau) == [
            "Marie-Noëlle Séméria (cea-leti)", "Pascal Deschaseaux (calym)", "Christian Picory-Donné (tsn)",
            "Damien Goetz (mines)", "Jean-Luc Loubet (ingenierie-at-lyon)", "Cathie Vix (mica)",
        ])
        #expect(state.people[EntityID("christian-picory-donne")!]?.alsoKnownAs == ["Christian Picory"])
    }

    @Test func globalCareGroupsTheFiveHealthInstitutesWithPasteurMIAsCoordinator() throws {
        let state = try Self.store().state(at: Day(year: 2015, month: 6, day: 17)!)
        let consortium = try #require(state.consortia.values.first { $0.name.uppercased().contains("GLOBAL CARE") })
        #expect(consortium.members.count == 5)
        #expect(consortium.members[EntityID("pasteur-mi")!] == .coordinator)
        #expect(Set(consortium.members.keys.map(\.rawValue)).isSuperset(of: ["voir-et-entendre", "icm", "curie-cancer", "calym"]))
    }

    @Test func theCallsCarryThePublishedCounts() throws {
        let rows = Completeness.rows(try Self.store().currentState())
        let labelled = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.published.map { (row.call.rawValue, $0) } })
        #expect(labelled["carnot-1"]?.labelled == 20)
        #expect(labelled["carnot-1b"]?.labelled == 13)
        #expect(labelled["carnot-2"].map { [$0.labelled, $0.renewed, $0.new] } == [34, 24, 10])
        #expect(labelled["carnot-3"].map { [$0.labelled, $0.tremplins] } == [29, 9])
        #expect(labelled["carnot-4"].map { [$0.labelled, $0.probation] } == [37, 2])
    }

    @Test func anEditedLineInACopyOfEventsIsCaughtByImportAndByAudit() throws {
        try Fixture.withTemporaryFolder { folder in
            let file = try #require(try LogFile.files(at: Self.events).first)
            var text = try String(contentsOfFile: file, encoding: .utf8)
            let range = try #require(text.range(of: "IMT Atlantique"))
            text.replaceSubrange(range, with: "IMT Atlantic")
            let copy = folder.appendingPathComponent((file as NSString).lastPathComponent).path
            try text.write(toFile: copy, atomically: true, encoding: .utf8)
            #expect(throws: LogLineError.self) { try LogFile.read(folder.path) }
            #expect(throws: StoreError.self) { try Auditor.audit(events: folder.path, snapshots: Self.snapshots) }
        }
    }
}
