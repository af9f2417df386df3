import ArgumentParser
import CarnotRegistry
import Foundation

/// `carnot-bench backdated STORE --kind K`: appends back-dated decisions to a store, years before its
/// latest effective day, and prints the seconds each `append` took, one line each. Run as a child by
/// `LogSizeRun`, so that a slow decision can be stopped at a timeout.
///
/// Every event is valid whatever the log holds after its day: renames to names never used, directors and
/// institutes registered by then (institutes and people never end), schools never registered before, and
/// affiliations of those new schools.
struct BackdatedRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backdated", shouldDisplay: false)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        /// One institute rename per decision: a last-writer field.
        case rename
        /// One new school per decision: a registration, which changes what exists.
        case registration
        /// One decision of `--count` events: renames, director appointments, new schools and their
        /// affiliations, in equal shares, on days spread over four years.
        case mix
    }

    @Argument var path: String
    @Option var kind: Kind
    @Option(help: "Events in the one decision of --kind mix.") var count = 4_000
    @Option(help: "Decisions of --kind rename or registration.") var decisions = 5
    @Option(help: "Makes the new names and ids unique on this store.") var tag = "a"

    /// The day the single decisions are effective on, and the first day of the mix: years before the
    /// synthetic log's front (mid-2026), after its first waves registered institutes and people.
    static let firstDay = Day(year: 2014, month: 1, day: 15)!

    func run() throws {
        let store = try EventStore(path: path)
        // The state is loaded once, untimed, as a running server holds it.
        _ = try store.currentState()
        let (institutes, people) = try Self.entities(in: store)
        switch kind {
        case .rename, .registration:
            for index in 0..<decisions {
                let day = Self.firstDay.adding(days: 37 * index)
                let event: Event = kind == .rename
                    ? .instituteRenamed(institute: institutes[(index * 7) % institutes.count], name: "Institut bench \(tag)-\(index)")
                    : .schoolRegistered(school: EntityID("bench-\(tag)-\(index)")!, name: "École bench \(tag)-\(index)", parent: nil)
                let seconds = try Stopwatch.time { try store.append([Self.draft(event, on: day)]) }.seconds
                print(seconds)
            }
        case .mix:
            let drafts = Self.mix(count: count, tag: tag, from: Self.firstDay, over: 1_460, institutes: institutes, people: people)
            print(try Stopwatch.time { try store.append(drafts) }.seconds)
        }
    }

    /// The events of `--kind mix`: in groups of four, an institute renamed, a director appointed, a new
    /// school registered and affiliated to the institute, the groups on days from `first` spread over
    /// `days` days in order (never back-dated within the decision itself). Valid on any day after 2014 of
    /// the synthetic log, before or after its front.
    static func mix(count: Int, tag: String, from first: Day, over days: Int, institutes: [EntityID], people: [EntityID]) -> [EventDraft] {
        (0..<count).map { index in
            let group = index / 4
            let institute = institutes[(group * 7) % institutes.count]
            let school = EntityID("bench-\(tag)-\(group)")!
            let event: Event = switch index % 4 {
            case 0: .instituteRenamed(institute: institute, name: "Institut bench \(tag)-\(group)")
            case 1: .directorAppointed(institute: institute, person: people[(group * 11) % people.count])
            case 2: .schoolRegistered(school: school, name: "École bench \(tag)-\(group)", parent: nil)
            default: .schoolAffiliated(school: school, institute: institute, role: .member)
            }
            return draft(event, on: first.adding(days: group * days / max(1, (count + 3) / 4)))
        }
    }

    /// The institutes and people registered by `firstDay`, which every later day of the log still holds.
    static func entities(in store: EventStore) throws -> (institutes: [EntityID], people: [EntityID]) {
        let then = try store.state(at: firstDay)
        guard !then.institutes.isEmpty, !then.people.isEmpty else {
            throw BenchError("no institute or person is registered by \(firstDay): the log is too short")
        }
        return (then.institutes.keys.sorted(), then.people.keys.sorted())
    }

    static func draft(_ event: Event, on day: Day) -> EventDraft {
        EventDraft(event, effective: PartialDate(day: day), source: "carnot-bench", recordedBy: "carnot-bench",
                   note: "back-dated by the benchmark")
    }
}
