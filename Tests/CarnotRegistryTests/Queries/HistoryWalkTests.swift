import Testing
@testable import CarnotRegistry

/// `forEachHistoryEntry` reads the rows on one thread and decodes them on the caller's (`HistoryReader`,
/// `HistoryChannel`). The runs it passes between them must carry the walk whole: every event the entity
/// index files under the id, once, in log order (newest first for the last page), each with the correction
/// that decides it, whatever the size of the runs; and a caller that throws stops the walk and leaves the
/// store usable.
struct HistoryWalkTests {
    /// From one row a run and one run in flight (every boundary a run can have) to the standard cut.
    static let runs: [HistoryReader.Runs] = [
        .init(first: 1, later: 1, inFlight: 1),
        .init(first: 2, later: 3, inFlight: 2),
        .init(first: 1, later: 7, inFlight: 1),
        .standard,
    ]

    /// What a walk must give for `id`, from the whole log: the events whose index keys hold it, each with
    /// the latest correction or retraction naming it.
    static func expected(_ events: [RecordedEvent], _ id: String) -> [(RecordedEvent, HistoryEntry.Status?)] {
        var deciding: [Int64: HistoryEntry.Status] = [:]
        for event in events {
            switch event.event {
            case .eventRetracted(let target, _): deciding[target] = .retractedBy(event.seq)
            case .eventCorrected(let target, _, _): deciding[target] = .correctedBy(event.seq)
            default: break
            }
        }
        return events.filter { $0.event.indexKeys.contains(id) }.map { ($0, deciding[$0.seq]) }
    }

    static func walk(_ store: EventStore, _ id: String, after: Int64 = 0, limit: Int? = nil, chain: Bool = true,
                     runs: HistoryReader.Runs) throws -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        try store.forEachHistoryEntry(of: EntityID(id)!, window: .after(after, limit: limit), chain: chain, runs: runs) {
            entries.append($0)
        }
        return entries
    }

    static func same(_ entries: [HistoryEntry], _ expected: some Collection<(RecordedEvent, HistoryEntry.Status?)>) -> Bool {
        entries.count == expected.count && zip(entries, expected).allSatisfy { $0.event == $1.0 && $0.status == $1.1 }
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func theWalkEqualsTheEntitysEventsInTheWholeLogForEveryCutIntoRuns(seed: UInt64) throws {
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment())
        try store.append(RandomDecisions.world)
        var decisions = RandomDecisions(seed: seed)
        try decisions.record(500, into: store)
        let events = try store.events()
        // The log holds what the walk must get right: corrections and retractions, and entities with more
        // events than several runs.
        #expect(events.contains { if case .eventCorrected = $0.event { true } else { false } })
        #expect(events.contains { if case .eventRetracted = $0.event { true } else { false } })
        let ids = RandomDecisions.institutes + RandomDecisions.schools + RandomDecisions.people + ["c1", "k1"]
        #expect(ids.map { Self.expected(events, $0).count }.max()! > 10)

        for id in ids {
            let expected = Self.expected(events, id)
            try #require(!expected.isEmpty, "seed \(seed): \(id) is named by no event")
            let cut = expected[expected.count / 3].0.seq
            for runs in Self.runs {
                #expect(Self.same(try Self.walk(store, id, runs: runs), expected), "seed \(seed), \(id), \(runs)")
                #expect(Self.same(try Self.walk(store, id, after: cut, limit: 5, runs: runs), expected.filter { $0.0.seq > cut }.prefix(5)),
                        "seed \(seed), \(id) after \(cut), \(runs)")
                // Without the chain, the same events with the genesis hash in place of `prev` and `hash`.
                let unchained = try Self.walk(store, id, chain: false, runs: runs)
                #expect(unchained.map(\.event.seq) == expected.map(\.0.seq))
                #expect(unchained.allSatisfy { $0.event.prev == EventSchema.genesisHash && $0.event.hash == EventSchema.genesisHash })
                #expect(zip(unchained, expected).allSatisfy { $0.event.event == $1.0.event && $0.event.recorded == $1.0.recorded && $0.status == $1.1 })
            }
            var last: [HistoryEntry] = []
            try store.forEachHistoryEntry(of: EntityID(id)!, before: .max, last: 4) { last.append($0) }
            #expect(last.map(\.event.seq) == expected.suffix(4).map(\.0.seq))
        }
    }

    @Test(arguments: runs)
    func aCallerThatThrowsStopsTheWalkAndTheStoreStaysUsable(runs: HistoryReader.Runs) throws {
        struct Enough: Error {}
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment())
        try store.append(RandomDecisions.world)
        var decisions = RandomDecisions(seed: 34)
        try decisions.record(120, into: store)
        var seen = 0
        #expect(throws: Enough.self) {
            try store.forEachHistoryEntry(of: EntityID("i1")!, window: .after(0, limit: nil), chain: false, runs: runs) { _ in
                seen += 1
                if seen == 3 { throw Enough() }
            }
        }
        #expect(seen == 3)
        // The read transaction ended: a write and another walk go through.
        try store.append([Draft.renameInstitute("i1", to: "Renamed", on: "2026-06-01")])
        let events = try store.events()
        #expect(Self.same(try Self.walk(store, "i1", runs: runs), Self.expected(events, "i1")))
    }
}

extension HistoryWalkTests {
    @Test(arguments: runs)
    func aPositionTheIndexNamesButTheLogLacksIsAnIntegrityError(runs: HistoryReader.Runs) throws {
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment())
        try store.append(RandomDecisions.world)
        var decisions = RandomDecisions(seed: 35)
        try decisions.record(60, into: store)
        let head = try store.head().seq
        try store.connection.execute("INSERT INTO entity_events (entity, effective, seq, writes) VALUES ('i2', 0, \(head + 5), 0)")
        #expect {
            _ = try Self.walk(store, "i2", runs: runs)
        } throws: { error in
            guard case StoreError.integrity(let message) = error else { return false }
            return message.contains("names 1 events under 'i2' that the log does not hold")
        }
    }
}

extension HistoryWalkTests {
    /// An event named by several corrections shows the latest (a retraction after a correction shows the
    /// retraction), whatever order the corrections come in, and an event named by none shows no status.
    @Test func theLatestCorrectionNamingAnEventDecidesIt() {
        typealias Correction = DecidingCorrections.Correction
        var deciding = DecidingCorrections([
            Correction(target: 7, seq: 30, retracts: true), Correction(target: 3, seq: 9, retracts: false),
            Correction(target: 7, seq: 12, retracts: false), Correction(target: 20, seq: 21, retracts: false),
        ])
        #expect([1, 3, 5, 7, 8, 20, 25].map { deciding.status(of: $0) }
                == [nil, .correctedBy(9), nil, .retractedBy(30), nil, .correctedBy(21), nil])
    }
}
