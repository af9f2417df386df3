/// Turns the log into the sequence of facts a fold applies: the bitemporal heart of the registry.
///
/// For a record-time cut-off (`upto`, a log position) and a valid-time day, the facts are the events at
/// positions up to `upto`, minus those a correction at a position up to `upto` retracted or replaced, plus
/// the replacements, keeping those effective on or before the day, ordered by (effective day, position).
/// A replacement takes the position of the correction that carries it. When several corrections name the
/// same event, the latest one decides.
public enum Timeline {
    /// One fact to fold, with where it came from.
    public struct Fact: Sendable {
        public let event: Event
        public let effective: Day
        public let precision: DatePrecision
        /// The position that orders it: the event's own, or the correction's for a replacement.
        public let seq: Int64
        /// The event it replaces, for a replacement.
        public let replacing: Int64?
    }

    /// How the corrections known at `upto` resolve: per corrected position, the correction that decides it.
    public static func corrections(in events: [RecordedEvent], upto: Int64) -> [Int64: RecordedEvent] {
        var deciding: [Int64: RecordedEvent] = [:]
        for recorded in events where recorded.seq <= upto {
            switch recorded.event {
            case .eventRetracted(let target, _), .eventCorrected(let target, _, _): deciding[target] = recorded
            default: continue
            }
        }
        return deciding
    }

    /// The facts in fold order (`events` sorted by `seq`).
    public static func facts(of events: [RecordedEvent], upto: Int64 = .max, through day: Day? = nil) -> [Fact] {
        let deciding = corrections(in: events, upto: upto)
        var facts: [Fact] = []
        facts.reserveCapacity(events.count)
        for recorded in events where recorded.seq <= upto {
            switch recorded.event {
            case .eventRetracted:
                continue
            case .eventCorrected(let target, _, let replacement):
                guard deciding[target]?.seq == recorded.seq else { continue }
                if let day, replacement.effective > day { continue }
                facts.append(Fact(event: replacement.event, effective: replacement.effective,
                                  precision: replacement.precision, seq: recorded.seq, replacing: target))
            default:
                if deciding[recorded.seq] != nil { continue }
                if let day, recorded.effective > day { continue }
                facts.append(Fact(event: recorded.event, effective: recorded.effective,
                                  precision: recorded.precision, seq: recorded.seq, replacing: nil))
            }
        }
        facts.sort { ($0.effective, $0.seq) < ($1.effective, $1.seq) }
        return facts
    }

    /// The state on `day` as known at position `upto`.
    public static func state(of events: [RecordedEvent], at day: Day, upto: Int64 = .max) -> RegistryState {
        var state = RegistryState()
        for fact in facts(of: events, upto: upto, through: day) {
            state.apply(fact.event, on: fact.effective, precision: fact.precision)
        }
        return state
    }
}
