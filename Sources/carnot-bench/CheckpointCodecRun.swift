import ArgumentParser
import CarnotRegistry

/// Encodes and decodes one state of a store's log many times: the checkpoint codec's cost alone, which the
/// write path pays for every checkpoint it writes (the front after a back-dated decision, the stale days at
/// each interval) and `state(at:)` pays for each checkpoint it starts from.
struct CheckpointCodecRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint-codec", abstract: "Time StateCodec.encode and decode of one state of a store.",
        shouldDisplay: false)

    @Argument(help: "A store (opened read-only).") var path: String
    @Option(help: "The valid day of the state, YYYY-MM-DD (default: 2026-06-30, the end of the bench's queries).") var at: String?
    @Option(help: "Encodes and decodes timed.") var rounds = 200

    func run() throws {
        let reader = try EventStore(path: path, readOnly: true)
        let day = try at.map { text in try PartialDate(parsing: text).day } ?? Day(year: 2026, month: 6, day: 30)!
        let state = try reader.state(at: day)
        var bytes: [UInt8] = []
        let encode = Stopwatch.time { for _ in 0..<rounds { bytes = StateCodec.encode(state) } }
        var decoded = RegistryState()
        let decode = try Stopwatch.time { for _ in 0..<rounds { decoded = try StateCodec.decode(bytes) } }
        guard decoded == state else { throw BenchError("the decoded state differs from the encoded one") }
        print("""
            \(state.institutes.count) institutes, \(state.schools.count) schools, \(state.people.count) people, \
            \(state.offices.count) holdings, \(state.consortia.count) consortia, \(state.calls.count) calls: \
            \(bytes.count) bytes
            encode \(Figures.milliseconds(encode.seconds / Double(rounds))) \
            decode \(Figures.milliseconds(decode.seconds / Double(rounds))) per state (\(rounds) rounds)
            """)
    }
}
