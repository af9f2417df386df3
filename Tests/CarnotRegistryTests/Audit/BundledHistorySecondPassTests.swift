import Foundation
import Testing
@testable import CarnotRegistry

/// The facts of the second research pass (carnot-history.md §9), appended on top of the published log of 217
/// events, and what they let the registry say about its own completeness.
struct BundledHistorySecondPassTests {
    static let publishedHead = LogHead(seq: 217, hash: "b283309e822ae248bc7d09fe6006d1abf5a17251668b56171eb0034a5281b1fc")
    static let day2020 = BundledHistoryTests.day2020
    static func day(_ text: String) throws -> Day { try PartialDate(parsing: text).day }
    static func id(_ text: String) -> EntityID { EntityID(text)! }

    /// With the byte-for-byte export test, the hash at 217 proves the first 217 lines unchanged: each line is
    /// the canonical form of an event the chain pins.
    @Test func theFirstPublishedHeadIsAPrefixOfTheLog() throws {
        let events = try BundledHistoryTests.store().events()
        #expect(events.count > 217)
        #expect(events[216].hash == Self.publishedHead.hash)
    }

    @Test func on7February2020TheRegistryNames24LabelledAndOneOnProbation() throws {
        let state = try BundledHistoryTests.store().state(at: Self.day2020)
        let line = try #require(Completeness.lines(state, on: Self.day2020).last)
        #expect(line.row.call == Self.id("carnot-4"))
        #expect(line.namedLabelled >= 20)
        #expect(line.sentence == "Carnot 4 (results 2020-02-07): 37 labelled + 2 on probation published; 24 + 1 named (25 of 39)")
        let water = try #require(state.institutes[Self.id("eau-et-environnement")]?.label(on: Self.day2020))
        #expect(water.probation && water.call == Self.id("carnot-4"))
        #expect(water.until == (try Self.day("2021-08-07")))
    }

    @Test func theWavesOf2006And2016NameTheirSourcedInstitutes() throws {
        let rows = Dictionary(uniqueKeysWithValues: Completeness.rows(try BundledHistoryTests.store().currentState()).map { ($0.call.rawValue, $0) })
        let first = try #require(rows["carnot-1"])
        #expect(first.namedLabelled.count >= 7)
        #expect(Set(first.namedLabelled.map(\.rawValue)).isSuperset(of: ["brgm", "cea-list", "cirimat", "ifremer-edrome", "tsn", "mines"]))
        let third = try #require(rows["carnot-3"])
        #expect(third.namedTremplins.map(\.rawValue) == ["cognition", "interfaces", "ipgg-microfluidique", "mecd", "smiles"])
    }

    @Test func ceaListHeldTheLabelIn2006AndIn2020InFourConsecutiveTerms() throws {
        let state = try BundledHistoryTests.store().currentState()
        let ceaList = try #require(state.institutes[Self.id("cea-list")])
        #expect(ceaList.label(on: try Self.day("2006-06-01"))?.call == Self.id("carnot-1"))
        #expect(ceaList.label(on: Self.day2020)?.call == Self.id("carnot-4"))
        #expect(ceaList.terms.map(\.call.rawValue) == ["carnot-1", "carnot-2", "carnot-3", "carnot-4"])
        #expect(ceaList.registered == (try Self.day("2006-01-01")))
    }

    @Test func atMostOneTermIsHeldOnAnyDayByAnyInstitute() throws {
        let state = try BundledHistoryTests.store().currentState()
        for institute in state.institutes.values {
            let terms = institute.terms.sorted { $0.from < $1.from }
            for (earlier, later) in zip(terms, terms.dropFirst()) {
                #expect(earlier.until <= later.from, "\(institute.id): \(earlier) overlaps \(later)")
            }
        }
    }

    @Test func bothWhatWasSaidThenAndWhatIsKnownNowAnswer() throws {
        let store = try BundledHistoryTests.store()
        let june2020 = try Self.day("2020-06-01")
        let then = try store.state(at: june2020, knownAt: .position(217))
        let now = try store.state(at: june2020)
        #expect(then.holders(of: .president).map(\.person.rawValue) == ["laurent-malier"])
        #expect(now.holders(of: .president).map(\.person.rawValue) == ["philippe-veron"])
        // CETIM's registration moved from 2012 back to the Carnot 2 results by a correction.
        let october2011 = try Self.day("2011-10-01")
        #expect(try store.state(at: october2011, knownAt: .position(217)).institutes[Self.id("cetim")] == nil)
        #expect(try store.state(at: october2011).institutes[Self.id("cetim")]?.label(on: october2011)?.call == Self.id("carnot-2"))
    }

    @Test func anUnknownLabelNeverReadsAsNotLabelled() throws {
        let state = try BundledHistoryTests.store().state(at: Self.day2020)
        let document = StateDocument.answer(state, at: Self.day2020, head: try BundledHistoryTests.store().head())
        guard case .array(let institutes)? = document["institutes"] else { Issue.record("no institutes"); return }
        var statuses: [String: String] = [:]
        for institute in institutes {
            guard case .string(let id)? = institute["id"], case .string(let status)? = institute["labelStatus"] else {
                Issue.record("an institute without labelStatus"); continue
            }
            statuses[id] = status
        }
        #expect(statuses["plant2pro"] == "held")
        #expect(statuses["cirimat"] == "ended")
        #expect(statuses["onera"] == "not-known")
        #expect(Set(statuses.values).isSubset(of: ["held", "ended", "not-known"]))
        guard case .array(let lines)? = document["completeness"], case .string(let summary)? = lines.last?["summary"] else {
            Issue.record("no completeness"); return
        }
        #expect(summary.contains("(25 of 39)"))
    }

    /// One sourced line of the second pass each: the institute holds a label of that call and kind on that day.
    @Test(arguments: [
        ("brgm", "2006-04-01", "carnot-1", "carnot"), ("iceel", "2007-03-15", "carnot-1b", "carnot"),
        ("isifor", "2011-04-28", "carnot-2", "carnot"), ("curie-cancer", "2016-07-06", "carnot-3", "carnot"),
        ("france-futur-elevage", "2016-07-06", "carnot-3", "carnot"), ("mecd", "2017-01-01", "carnot-3", "tremplin"),
        ("plant2pro", "2020-02-07", "carnot-4", "carnot"), ("cetim", "2020-02-07", "carnot-4", "carnot"),
        ("lsi", "2020-02-07", "carnot-4", "carnot"), ("energies-du-futur", "2020-02-07", "carnot-4", "carnot"),
        ("polynat", "2020-02-07", "carnot-4", "carnot"), ("climadapt", "2020-02-07", "carnot-4", "carnot"),
        ("mecd", "2020-02-07", "carnot-4", "carnot"), ("iceel", "2020-02-07", "carnot-4", "carnot"),
    ])
    func aSourcedLabelOfTheSecondPassIsHeldOnItsDay(_ institute: String, _ text: String, _ call: String, _ kind: String) throws {
        let day = try Self.day(text)
        let term = try #require(try BundledHistoryTests.store().state(at: day).institutes[Self.id(institute)]?.label(on: day))
        #expect(term.call == Self.id(call))
        #expect(term.kind.rawValue == kind)
    }

    @Test func brgmIsNotKnownBeforeApril2006AndJoachimRamsPresidesInOctober2012() throws {
        let store = try BundledHistoryTests.store()
        let march = try Self.day("2006-03-31")
        let brgm = try #require(try store.state(at: try Self.day("2006-12-31")).institutes[Self.id("brgm")])
        #expect(LabelStatus(brgm, on: march) == .notKnown)
        let october2012 = try Self.day("2012-10-01")
        #expect(try store.state(at: october2012).holders(of: .president).map(\.person.rawValue) == ["joachim-rams"])
    }
}
