/// Writes a synthetic log one event at a time (see `SyntheticLog`).
///
/// Each position gets a forward effective day from `SyntheticCalendar`; then the engine writes, in this
/// order of preference, a back-dated event, a correction or a retraction (at their shares), a scheduled
/// task due (what the milestones unfold into), or a filler (the day-to-day life of the network). Everything it
/// writes it first checks against `world`, and applies to it.
struct SyntheticEngine {
    /// What a handler decided to write, before the envelope and the chain.
    struct Draft {
        var event: Event
        var effective: Day
        var precision: DatePrecision
        var confidence = Confidence.confirmed
        var note: String?
        /// Set when the event may later be corrected or retracted.
        var leaf: SyntheticRevisionWindow.Leaf.Kind?
    }

    let parameters: SyntheticLog.Parameters
    let plan: SyntheticPlan
    var random: SyntheticRandom
    var world = SyntheticWorld()
    var tasks = SyntheticTaskQueue()
    var window = SyntheticRevisionWindow()
    var nextMilestone = 0
    var seq: Int64 = 0
    /// The forward effective day of the position being written.
    var today = SyntheticCalendar.first
    /// The latest effective day written so far: back-dated events are effective before it.
    var latestEffective: Day?
    private var prev = EventSchema.genesisHash
    private var lastRecorded: Int64 = .min
    private let source: String
    private let idSalt: UInt64

    init(_ parameters: SyntheticLog.Parameters) {
        self.parameters = parameters
        var random = SyntheticRandom(seed: parameters.seed)
        plan = SyntheticPlan(parameters, random: &random)
        self.random = random
        source = parameters.source
        var salt = SeededGenerator(seed: parameters.seed ^ 0x5EED_CA12_0000_0001)
        idSalt = salt.next()
    }

    /// The next event of the log.
    mutating func next() -> RecordedEvent {
        seq += 1
        today = SyntheticCalendar.day(at: seq, of: parameters.events)
        releaseMilestones()
        return record(choose())
    }

    private mutating func choose() -> Draft {
        let draw = random.unit()
        let backDated = parameters.backDatedShare
        let corrected = backDated + parameters.correctedShare
        let retracted = corrected + parameters.retractedShare
        if draw < backDated {
            if let draft = backDatedEvent() { return draft }
        } else if draw < corrected {
            if let draft = correction() { return draft }
        } else if draw < retracted {
            if let draft = retraction() { return draft }
        }
        // Scheduled work goes first: in a short log it runs behind its calendar, and a wave's decisions
        // must all be written before the log ends.
        if let draft = scheduled() ?? filler() ?? renameInstitute() ?? registerPerson(anyTime: true) { return draft }
        preconditionFailure("the synthetic world has nothing to write about at position \(seq)")
    }

    /// A forward event, effective today: mostly to the day, sometimes known only to the month or the year
    /// when today is the first of one.
    mutating func forward(_ event: Event, leaf: SyntheticRevisionWindow.Leaf.Kind? = nil) -> Draft {
        let (_, month, dayOfMonth) = today.components
        var precision = DatePrecision.day
        if dayOfMonth == 1, month == 1, random.chance(0.3) {
            precision = .year
        } else if dayOfMonth == 1, random.chance(0.15) {
            precision = .month
        }
        return Draft(event: event, effective: today, precision: precision, confidence: confidence(), leaf: leaf)
    }

    mutating func confidence() -> Confidence {
        let draw = random.unit()
        return draw < 0.94 ? .confirmed : draw < 0.99 ? .probable : .uncertain
    }

    private mutating func releaseMilestones() {
        while nextMilestone < plan.milestones.count, plan.milestones[nextMilestone].day <= today {
            switch plan.milestones[nextMilestone].kind {
            case .openCall(let wave): tasks.append(.openCall(wave: wave, tremplin: false))
            case .registerInstitute(let index): tasks.append(.registerInstitute(plan: index))
            case .announce(let wave): tasks.append(.announce(wave: wave))
            case .extensionRound: tasks.append(.extensionRound)
            case .formConsortium(let index): tasks.append(.formConsortium(index: index))
            }
            nextMilestone += 1
        }
    }

    /// Puts the envelope and the chain around a draft.
    private mutating func record(_ draft: Draft) -> RecordedEvent {
        let recorded = Timestamp(microseconds: nextRecordTime())
        let id = eventID()
        let unsigned = RecordedEvent(seq: seq, id: id, event: draft.event, effective: draft.effective,
                                     precision: draft.precision, recorded: recorded, source: source,
                                     recordedBy: parameters.recordedBy, confidence: draft.confidence,
                                     note: draft.note, prev: prev, hash: "")
        let hash = EventSchema.hash(prev: prev, body: CanonicalJSON.bytes(EventSchema.body(of: unsigned)))
        let signed = RecordedEvent(seq: seq, id: id, event: draft.event, effective: draft.effective,
                                   precision: draft.precision, recorded: recorded, source: source,
                                   recordedBy: parameters.recordedBy, confidence: draft.confidence,
                                   note: draft.note, prev: prev, hash: hash)
        prev = hash
        if !draft.event.isCorrection, latestEffective.map({ draft.effective > $0 }) ?? true {
            latestEffective = draft.effective
        }
        if let leaf = draft.leaf {
            window.add(.init(seq: seq, kind: leaf, effective: draft.effective, precision: draft.precision))
        }
        return signed
    }

    /// Record time: during working hours on the day after the forward day, strictly after the previous one.
    private mutating func nextRecordTime() -> Int64 {
        let hour: Int64 = 3_600_000_000
        let base = Int64(today.ordinal + 1) * 86_400_000_000 + 8 * hour + Int64(random.below(9 * 3_600_000)) * 1_000
        let next = lastRecorded == .min ? base : max(base, lastRecorded + 1 + Int64(random.below(2_000_000)))
        lastRecorded = next
        return next
    }

    /// A UUID-shaped id: random-looking digits from the seed and the position, ending in the position itself,
    /// so that ids never repeat within a log.
    private func eventID() -> String {
        var mixer = SeededGenerator(seed: idSalt ^ (UInt64(seq) &* 0xD1B5_4A32_D192_ED03))
        let bits = mixer.next()
        // 8-4-4-4-12 hex digits: version 4, variant 8-b, and the position in the last twelve.
        let digits: [UInt64] = [bits >> 32, bits >> 16, 0x4000 | (bits & 0x0FFF), 0x8000 | ((bits >> 40) & 0x3FFF)]
        let widths = [8, 4, 4, 4]
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var offset = 0
        for (value, width) in zip(digits, widths) {
            Self.writeHex(value, width, into: &bytes, at: offset)
            offset += width + 1
        }
        Self.writeHex(UInt64(seq), 12, into: &bytes, at: offset)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeHex(_ value: UInt64, _ width: Int, into bytes: inout [UInt8], at offset: Int) {
        var rest = value
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            bytes[index] = hexDigits[Int(rest & 0xF)]
            rest >>= 4
        }
    }
}
