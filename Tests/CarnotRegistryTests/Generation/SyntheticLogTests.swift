import Testing
@testable import CarnotRegistry

/// The synthetic log: valid when imported in order, deterministic, and as varied as promised.
@Suite struct SyntheticLogTests {
    private func generated(_ events: Int, institutes: Int, seed: UInt64) -> [RecordedEvent] {
        var log: [RecordedEvent] = []
        SyntheticLog.generate(.init(events: events, institutes: institutes, seed: seed)) { log.append($0) }
        return log
    }

    private func lines(_ log: [RecordedEvent]) -> [[UInt8]] { log.map(EventSchema.line) }

    /// The share of `log` whose type is among `types`.
    private func share(_ log: [RecordedEvent], _ types: Set<String>) -> Double {
        Double(log.filter { types.contains($0.event.typeName) }.count) / Double(log.count)
    }

    /// (5,000, 4, 5) extends a Tremplin past the 2020 results, which promote it: the Carnot term must follow it.
    @Test(arguments: [(events: 400, institutes: 6, seed: UInt64(1)), (1_200, 20, 7), (2_400, 40, 2026), (5_000, 4, 5)])
    func aGeneratedLogImportsIntoAnEmptyStoreWithItsChainIntact(_ size: (events: Int, institutes: Int, seed: UInt64)) throws {
        let log = generated(size.events, institutes: size.institutes, seed: size.seed)
        let entries = try lines(log).enumerated().map { index, line in
            try LogFile.entry(line, file: "synthetic.ndjson", line: index + 1)
        }
        let store = try EventStore(path: ":memory:")

        let result = try store.importLog(entries)

        #expect(result.appended == size.events)
        #expect(try store.head() == LogHead(seq: Int64(size.events), hash: log.last!.hash))
        #expect(try store.verify().isValid)
        let state = try store.state(at: SyntheticCalendar.last)
        let labelled = state.institutes.values.filter { $0.label(on: SyntheticCalendar.last) != nil }
        #expect(state.institutes.count == size.institutes)
        #expect(labelled.count >= size.institutes / 2)
    }

    @Test func theSameParametersGiveTheSameBytesAndAnotherSeedOtherOnes() {
        let first = lines(generated(3_000, institutes: 30, seed: 42))
        let again = lines(generated(3_000, institutes: 30, seed: 42))
        let other = lines(generated(3_000, institutes: 30, seed: 43))

        #expect(first == again)
        #expect(first != other)
        #expect(first.count == 3_000)
    }

    @Test func theLogHoldsEveryPromisedKindInItsShare() throws {
        let log = generated(15_000, institutes: 60, seed: 5)
        let types = Set(log.map(\.event.typeName))

        for type in Event.typeNames {
            #expect(types.contains(type), "no \(type) in the log")
        }
        #expect((0.005...0.015).contains(share(log, ["event.corrected"])))
        #expect((0.002...0.008).contains(share(log, ["event.retracted"])))
        var latest = log[0].effective
        var backDated = 0
        for event in log where !event.event.isCorrection {
            if event.effective < latest { backDated += 1 }
            latest = max(latest, event.effective)
        }
        #expect((0.015...0.025).contains(Double(backDated) / Double(log.count)))

        let renewals = Dictionary(grouping: log.filter { $0.event.typeName == "label.renewed" }) { $0.effective.year }
        #expect(Set(renewals.keys).isSuperset(of: [2011, 2016, 2020, 2026]))
        let grants = Dictionary(grouping: log.filter { $0.event.typeName == "label.granted" }) { $0.effective.year }
        #expect(Set(grants.keys).isSuperset(of: [2006, 2007, 2011, 2016, 2020, 2026]))
        let tremplins = log.filter { if case .labelGranted(_, .tremplin, _, _, _, _) = $0.event { true } else { false } }
        #expect(!tremplins.isEmpty)
        #expect(log.filter { $0.precision != .day }.count < log.count / 20)
    }

    @Test func theWorldIsBoundedByTheInstitutesNotByTheEvents() {
        let log = generated(20_000, institutes: 10, seed: 9)
        func registered(_ type: String) -> Int { log.filter { $0.event.typeName == type }.count }

        #expect(registered("institute.registered") == 10)
        #expect(registered("school.registered") + registered("schools.merged") <= 20)
        #expect(registered("person.registered") <= 30)
        #expect(registered("consortium.formed") == 3)
        #expect(registered("call.opened") == 9)
    }

    @Test func backDatedEventsReachAtMostThirtyDaysBackAndCorrectionsAimAtRecentLeavesOnce() {
        let log = generated(8_000, institutes: 40, seed: 11)
        var latest = log[0].effective
        var targets: Set<Int64> = []
        let leaves: Set<String> = ["institute.renamed", "school.renamed", "institute.directorAppointed", "call.resultsAnnounced"]
        for event in log {
            switch event.event {
            case .eventRetracted(let target, _), .eventCorrected(let target, _, _):
                #expect(event.seq - target <= SyntheticRevisionWindow.reach)
                #expect(leaves.contains(log[Int(target - 1)].event.typeName))
                #expect(targets.insert(target).inserted, "event \(target) revised twice")
            default:
                #expect(latest.ordinal - event.effective.ordinal <= 30)
                latest = max(latest, event.effective)
            }
        }
    }

    @Test func recordTimesStrictlyIncreaseAndFollowTheEffectiveDay() {
        let log = generated(5_000, institutes: 30, seed: 3)
        for (earlier, later) in zip(log, log.dropFirst()) {
            #expect(earlier.recorded < later.recorded)
            #expect(later.prev == earlier.hash)
        }
        #expect(log.allSatisfy { $0.recorded.day > $0.effective })
        #expect(Set(log.map(\.id)).count == log.count)
        #expect(log.first!.effective == SyntheticCalendar.first)
        #expect(log.last!.effective <= SyntheticCalendar.last)
    }
}
