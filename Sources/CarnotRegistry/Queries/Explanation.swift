/// Why an entity is as it is on a day: for each of its fields, the events that made it, and the events
/// about it that a correction took out.
///
/// Attribution is by effect: the fold is replayed and an event is credited with a field when applying it
/// changed that field of the entity's document on the day asked about. So a school merger is credited with
/// the institute's `schools`, though it does not name the institute.
public struct Explanation: Sendable {
    /// An event of the log, as an explanation cites it.
    public struct Citation: Sendable {
        public let seq: Int64
        public let effective: PartialDate
        public let recorded: Timestamp
        public let source: String
        public let confidence: Confidence
        public let summary: String
    }

    /// A field of the entity, its value on the day, and the events that made it so, in fold order.
    public struct Field: Sendable {
        public let name: String
        public let value: JSONValue
        public let madeBy: [Citation]
    }

    /// An event about the entity that a correction retracted or replaced.
    public struct Skipped: Sendable {
        public let event: Citation
        public let correction: Citation
    }

    public let id: EntityID
    public let at: Day

    /// Fields that name the question rather than answer it.
    static let implicit: Set<String> = ["at", "id", "kind"]
    public let fields: [Field]
    public let skipped: [Skipped]

    /// Explains `id` on `day` from `events` (sorted by seq) as known at position `upto`; nil when no entity
    /// has that id on that day. `EventStore.explanation(of:at:upto:)` gives the same answer from the entity
    /// index, without the whole log.
    public static func explain(_ id: EntityID, at day: Day, events: [RecordedEvent], upto: Int64) -> Explanation? {
        let corrected = Timeline.corrections(in: events, upto: upto).sorted { $0.key < $1.key }
            .map { (original: events[Int($0.key - 1)], correction: $0.value) }
        return explain(id, at: day, facts: Timeline.facts(of: events, upto: upto, through: day),
                       carrier: { events[Int($0 - 1)] }, corrected: corrected)
    }

    /// Explains `id` on `day` from `facts`, in fold order (`Timeline.facts` through `day`), and the corrected
    /// events with the corrections that decide them, by target position.
    ///
    /// `facts` may leave out any fact that changes no record the entity's document reads, and `corrected` any
    /// pair in which neither the original nor the replacement names `id`: the answer is the same.
    /// - Parameters:
    ///   - carrier: the event at a fact's position (the correction, for a replacement).
    ///   - mayChange: false for a fact known to leave the document as it was, whose document is not built.
    static func explain(_ id: EntityID, at day: Day, facts: [Timeline.Fact], carrier: (Int64) throws -> RecordedEvent,
                        corrected: [(original: RecordedEvent, correction: RecordedEvent)],
                        mayChange: (Timeline.Fact) -> Bool = { _ in true }) rethrows -> Explanation? {
        func cite(_ recorded: RecordedEvent, event: Event? = nil, effective: PartialDate? = nil) -> Citation {
            Citation(seq: recorded.seq, effective: effective ?? recorded.effectiveDate, recorded: recorded.recorded,
                     source: recorded.source, confidence: recorded.confidence,
                     summary: EventSummary.describe(event ?? recorded.event))
        }
        var state = RegistryState()
        var previous: [String: JSONValue] = [:]
        var credits: [String: [Citation]] = [:]
        for fact in facts {
            state.apply(fact.event, on: fact.effective, precision: fact.precision)
            guard mayChange(fact), case .object(let document)? = StateDocument.entity(id, in: state, at: day) else { continue }
            var carried: RecordedEvent?
            for (key, value) in document where !Self.implicit.contains(key) && previous[key] != value {
                // A field appearing empty (no label yet, no schools yet) was not made by anything.
                if previous[key] == nil, [.null, .array([]), .object([:])].contains(value) { continue }
                let carrier = try carried ?? carrier(fact.seq)
                carried = carrier
                credits[key, default: []].append(cite(carrier, event: fact.event,
                                                      effective: PartialDate(day: fact.effective, precision: fact.precision)))
            }
            previous = document
        }
        guard !previous.isEmpty else { return nil }
        let fields = previous.keys.sorted().filter { !implicit.contains($0) }.map { key in
            Field(name: key, value: previous[key]!, madeBy: credits[key] ?? [])
        }
        let skipped = corrected.compactMap { original, correction -> Skipped? in
            let replacementNames = if case .eventCorrected(_, _, let replacement) = correction.event { replacement.event.entities.contains(id) } else { false }
            guard original.event.entities.contains(id) || replacementNames else { return nil }
            return Skipped(event: cite(original), correction: cite(correction))
        }
        return Explanation(id: id, at: day, fields: fields, skipped: skipped)
    }
}
