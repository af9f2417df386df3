/// A deterministic, realistic synthetic log in the import format, for load tests and demonstrations.
///
/// The log tells twenty years of a made-up Carnot network: calls opened and results announced in the waves
/// of 2006, 2007, 2011, 2016, 2020 and 2026 (with Tremplin calls from 2016); institutes registered before
/// the wave that first labels them, with their schools and directors; grants, renewals, non-renewals,
/// extensions and a few withdrawals; then, between waves, what most of the log is made of: renames,
/// affiliations and disaffiliations, parent changes and school mergers, officers of the association
/// appointed and leaving, consortia formed and joined. About 2% of the events are back-dated (decisions
/// recorded late), 1% correct and 0.5% retract a recent event.
///
/// Every event is valid under the store's rules when the log is imported in order: the generator keeps
/// its own account of the world (`SyntheticWorld`) and only writes what that account allows. The world is
/// bounded by `Parameters.institutes`, not by the number of events: a longer log is a denser history of
/// the same entities. The same parameters always give the same bytes; nothing reads the clock.
///
/// ```swift
/// var lines: [UInt8] = []
/// SyntheticLog.generate(.init(events: 10_000, institutes: 60, seed: 7)) { event in
///     lines += EventSchema.line(of: event) + [0x0A]
/// }
/// ```
public struct SyntheticLog {
    /// Streams exactly `parameters.events` recorded events, seq 1...N, hash-chained, in log order.
    ///
    /// Events are handed to `emit` as they are made and not kept: memory grows with the world, not with
    /// the log.
    /// - Parameters:
    ///   - parameters: the size of the log and of the world, and the seed.
    ///   - emit: called once per event, in order; an error it throws stops the generation and is rethrown.
    public static func generate(_ parameters: Parameters, emit: (RecordedEvent) throws -> Void) rethrows {
        guard parameters.events > 0 else { return }
        var engine = SyntheticEngine(parameters)
        for _ in 0..<parameters.events {
            try emit(engine.next())
        }
    }
}
