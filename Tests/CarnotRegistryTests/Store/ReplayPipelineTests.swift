import Testing
@testable import CarnotRegistry

/// The full replay reads on one thread and decodes on others (`EventStore.replayFold`); the batches it
/// passes between them must carry the fold's order whole: every fact, in (effective, seq) order, the
/// superseded ones left out and the standing replacements at their own day. So on random logs full of
/// back-dated events (near the front and years back), corrections and retractions, it must give the state a
/// fold of the whole log gives (`fold`, and `Timeline` over the decoded events), for any record-time cut-off,
/// whatever the size of the batches, the number in flight and the number of decoding threads.
struct ReplayPipelineTests {
    /// Plans from the smallest (one fact a batch, one batch in flight: every boundary a batch can have) to
    /// the standard one.
    static let plans: [EventStore.ReplayPlan] = [
        .init(batchSize: 1, inFlight: 1, decoders: 1),
        .init(batchSize: 2, inFlight: 1, decoders: 2),
        .init(batchSize: 3, inFlight: 2, decoders: 3),
        .init(batchSize: 7, inFlight: 3, decoders: 1),
        // Batches cut by their bytes (a body or two each) before their count.
        .init(batchSize: 50, batchBytes: 500, inFlight: 2, decoders: 2),
        .standard,
    ]

    @Test(arguments: [21, 22, 23, 24] as [UInt64])
    func theReplayEqualsTheFullFoldForEveryPlanAndCutOff(seed: UInt64) throws {
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment(), checkpointInterval: 16)
        try store.append(RandomDecisions.world)
        var decisions = RandomDecisions(seed: seed)
        try decisions.record(220, into: store)
        let events = try store.events()
        let live = try store.liveState()
        // The log holds what the replay must get right: back-dated events, corrections and retractions.
        #expect(events.contains { if case .eventCorrected = $0.event { true } else { false } })
        #expect(events.contains { if case .eventRetracted = $0.event { true } else { false } })
        #expect(zip(events, events.dropFirst()).contains { $0.effective > $1.effective })

        var random = SeededGenerator(seed: seed &* 104_729)
        let cutOffs = [Int64(events.count)] + (0..<6).map { _ in Int64.random(in: 0...Int64(events.count), using: &random) }
        for upto in cutOffs {
            let expected = Timeline.state(of: events, at: .latest, upto: upto)
            #expect(try store.fold(RegistryState(), after: nil, upto: upto, corrections: live.corrections).state == expected,
                    "seed \(seed), known at \(upto): fold and Timeline differ")
            for plan in Self.plans {
                #expect(try store.replayFold(upto: upto, corrections: live.corrections, plan: plan) == expected,
                        "seed \(seed), known at \(upto), \(plan)")
            }
        }
        #expect(try store.replay() == Timeline.state(of: events, at: .latest))
    }

    @Test func theReplayOfAnEmptyLogIsTheEmptyState() throws {
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment())
        #expect(try store.replay() == RegistryState())
        for plan in Self.plans {
            #expect(try store.replayFold(upto: 0, corrections: CorrectionIndex(), plan: plan) == RegistryState())
        }
    }

    @Test func theReplayGivesBackTheLargePageCacheForTheFoldsThatFollow() throws {
        let store = try EventStore(path: ":memory:", environment: FixedEnvironment())
        try store.append(RandomDecisions.world)
        _ = try store.replay()
        #expect(try store.connection.integer("PRAGMA cache_size") == -Int64(EventStore.pageCacheKilobytes))
    }
}
